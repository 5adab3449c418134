/**
 * The provider worker: runs inside the provider's own Node (Windows Node,
 * under Wine or natively), connects back to the runner on loopback, and
 * answers one request per line. Calls are synchronous FFI calls, so a call
 * that blocks forever blocks this process: the runner kills it from outside.
 *
 * Usage: node main.js --port PORT [--koffi PATH-TO-KOFFI-PACKAGE]
 */
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { release, version as windowsName } from 'node:os';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { ProviderInfo, Reply, Request } from './protocol.js';
import { WinsockCalls } from './winsock-calls.js';
import { loadWinsock } from './winsock.js';
import { messageOf } from '../message-of.js';

type Koffi = typeof import('koffi');

const { values } = parseArgs({ options: { port: { type: 'string' }, koffi: { type: 'string', default: 'koffi' } } });
const port = Number(values.port);
const require = createRequire(import.meta.url);
const koffi = require(values.koffi ?? 'koffi') as Koffi;
const winsock = loadWinsock(koffi);
const calls = new WinsockCalls(winsock);

function providerInfo(): ProviderInfo {
  let wine: string | undefined;
  try {
    const ntdll = koffi.load('ntdll.dll');
    wine = (ntdll.func('const char *wine_get_version()') as () => string)();
  } catch {
    // Not Wine: ntdll has no wine_get_version on Windows.
  }
  // Under Wine the product name is whatever the prefix's registry says; the version number is what it reports.
  const version = wine ? `Wine ${wine} (reports Windows ${release()})` : `${windowsName()} ${release()}`;
  return { version, nodeVersion: process.version };
}

function answer(request: Request): Reply {
  try {
    switch (request.op) {
      case 'call': {
        const started = performance.now();
        const observation = calls.call(request.call, request.args);
        return { id: request.id, ok: true, observation, durationMs: performance.now() - started };
      }
      case 'reset':
        return { id: request.id, ok: true, closed: calls.reset() };
      case 'info':
        return { id: request.id, ok: true, info: providerInfo() };
    }
  } catch (error) {
    return { id: request.id, ok: false, message: messageOf(error) };
  }
}

const link = connect({ host: '127.0.0.1', port }, () => link.setNoDelay(true));
link.on('error', () => process.exit(3));
link.on('close', () => process.exit(0));
createInterface({ input: link }).on('line', (line) => {
  link.write(`${JSON.stringify(answer(JSON.parse(line) as Request))}\n`);
});
