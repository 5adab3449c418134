/**
 * A runner in a process of its own, for tests that kill it: runs one case
 * whose call hangs in the fake provider's worker, in the folder given as the
 * first argument (the worker's journal goes there). It never ends by itself.
 */
import { executeCase } from '../../harness/run/runner/execute-case.js';
import { FakeWorld, makeCase, OPEN_TCP_SOCKET, step } from '../runner/helpers.js';

const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: run-hanging-case.js DIR');
const world = new FakeWorld(dir);
const hanging = makeCase('fake.hangs-for-good', [OPEN_TCP_SOCKET, step('select', { s: '$s', read: true, timeout: 0 }, { expect: { returns: 0 } })], {
  timeoutMs: 600_000,
});
await executeCase(hanging, world.context());
