import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cameraProblemOf } from './camera-problem.ts';

const error = (name: string) => Object.assign(new Error('message'), { name });

test('each getUserMedia failure maps onto a state and reason the page has a sentence for', () => {
  const table: [unknown, ReturnType<typeof cameraProblemOf>][] = [
    [error('NotAllowedError'), { state: 'denied' }],
    [error('SecurityError'), { state: 'denied' }],
    [error('NotFoundError'), { state: 'no-camera', reason: 'none' }],
    [error('OverconstrainedError'), { state: 'no-camera', reason: 'none' }],
    [error('NotReadableError'), { state: 'no-camera', reason: 'in-use' }],
    [error('AbortError'), { state: 'no-camera', reason: 'in-use' }],
    [error('TrackStartError'), { state: 'no-camera', reason: 'in-use' }],
    [new TypeError('mediaDevices is undefined'), { state: 'no-camera', reason: 'unsupported' }],
    ['a string', { state: 'no-camera', reason: 'in-use' }],
    [undefined, { state: 'no-camera', reason: 'in-use' }],
  ];
  for (const [thrown, expected] of table) assert.deepEqual(cameraProblemOf(thrown), expected, String(thrown));
});
