import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import { QuietWatch } from './quiet-watch.ts';

/** A watch asking after 1000 ms of quiet and ending 300 ms later, with what it said. */
function watched() {
  const said: string[] = [];
  const watch = new QuietWatch(
    1000,
    300,
    () => said.push('ask'),
    () => said.push('close'),
  );
  return { said, watch };
}

test('quiet for askAfterMs the worker asks; unanswered for closeAfterMs more it ends itself', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    const { said, watch } = watched();
    watch.begin();
    watch.end();
    mock.timers.tick(999);
    assert.deepEqual(said, []);
    mock.timers.tick(1);
    assert.deepEqual(said, ['ask']);
    mock.timers.tick(299);
    assert.deepEqual(said, ['ask']);
    mock.timers.tick(1);
    assert.deepEqual(said, ['ask', 'close']);
    mock.timers.tick(10_000);
    assert.deepEqual(said, ['ask', 'close'], 'once');
  } finally {
    mock.timers.reset();
  }
});

test('a request in progress, or one after the question, keeps the worker', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    const { said, watch } = watched();
    watch.begin();
    mock.timers.tick(5000);
    assert.deepEqual(said, [], 'never while a request runs');
    watch.end();
    mock.timers.tick(1000);
    assert.deepEqual(said, ['ask']);
    // The host sent a request instead of ending it: the worker stays, and its quiet time starts again.
    watch.begin();
    mock.timers.tick(5000);
    watch.end();
    mock.timers.tick(999);
    assert.deepEqual(said, ['ask']);
    mock.timers.tick(1);
    assert.deepEqual(said, ['ask', 'ask']);
    mock.timers.tick(300);
    assert.deepEqual(said, ['ask', 'ask', 'close']);
  } finally {
    mock.timers.reset();
  }
});
