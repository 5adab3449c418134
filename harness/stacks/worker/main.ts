/**
 * The provider worker: runs inside the provider's own Node (Windows Node,
 * under Wine or natively; the host's Node for a libc binding) and answers one
 * request per line, read from stdin and answered on stdout, through its
 * binding. Calls are synchronous FFI calls, so a call that blocks forever
 * blocks this process: the runner kills it from outside.
 *
 * Usage: node main.js --binding NAME [--koffi PATH-TO-KOFFI-PACKAGE]
 */
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { ArgumentError } from '../../language/calls/arguments.js';
import { messageOf } from '../../common/message-of.js';
import { Unsupported, type WorkerBinding } from './binding.js';
import { openBinding } from './open-binding.js';
import { READY_LINE, type Reply, type Request } from './protocol.js';
import { StdioLink } from './stdio-link.js';

type Koffi = typeof import('koffi');

const { values } = parseArgs({ options: { binding: { type: 'string' }, koffi: { type: 'string', default: 'koffi' } } });
const require = createRequire(import.meta.url);
const koffi = require(values.koffi ?? 'koffi') as Koffi;
const binding = await openBinding(values.binding ?? '', koffi);

function answer(request: Request, stack: WorkerBinding): Reply {
  try {
    switch (request.op) {
      case 'call': {
        const started = performance.now();
        const observation = stack.call(request.call, request.args);
        return { id: request.id, ok: true, observation, durationMs: performance.now() - started };
      }
      case 'reset':
        return { id: request.id, ok: true, closed: stack.reset() };
      case 'info':
        return { id: request.id, ok: true, info: stack.info() };
    }
  } catch (error) {
    if (error instanceof Unsupported) return { id: request.id, ok: false, unsupported: true, message: error.message };
    const prefix = error instanceof ArgumentError ? '' : 'the binding failed: ';
    return { id: request.id, ok: false, message: `${prefix}${messageOf(error)}` };
  }
}

const link = new StdioLink();
link.writeLine(READY_LINE);
// One request at a time, synchronously: the worker has nothing else to do, and a call may block it anyway.
for (let line = link.readLine(); line !== undefined; line = link.readLine()) {
  link.writeLine(JSON.stringify(answer(JSON.parse(line) as Request, binding)));
}
