import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import { IdleTimer } from './idle-timer.ts';

test('idle fires once, idleMs after the last work ended, never while work runs', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    let idle = 0;
    const timer = new IdleTimer(1000, () => idle++);
    timer.begin();
    mock.timers.tick(5000);
    assert.equal(idle, 0, 'not while work is in progress');
    timer.begin();
    timer.end();
    mock.timers.tick(5000);
    assert.equal(idle, 0, 'one of two still running');
    timer.end();
    mock.timers.tick(999);
    assert.equal(idle, 0);
    timer.begin();
    timer.end();
    mock.timers.tick(999);
    assert.equal(idle, 0, 'new work starts the time again');
    mock.timers.tick(1);
    assert.equal(idle, 1);
    mock.timers.tick(10_000);
    assert.equal(idle, 1, 'once per quiet spell');
  } finally {
    mock.timers.reset();
  }
});

test('during() counts the work until it settles, also when it fails; cancel() drops a pending idle', async () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    let idle = 0;
    const timer = new IdleTimer(100, () => idle++);
    await assert.rejects(timer.during(() => Promise.reject(new Error('no'))));
    mock.timers.tick(100);
    assert.equal(idle, 1);
    assert.equal(await timer.during(async () => 7), 7);
    timer.cancel();
    mock.timers.tick(1000);
    assert.equal(idle, 1);
  } finally {
    mock.timers.reset();
  }
});
