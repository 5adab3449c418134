/**
 * Run by Windows Node (under Wine in the tests): holds a closed port with the
 * fixtures' Winsock host sockets, as closed-port does on Windows, and prints
 * what a connect to it and a second bind of it get, as one JSON line.
 * Usage: node winsock-closed-port.cjs KOFFI-DIR DIST-DIR
 */
const { writeSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const koffi = require(process.argv[2]);
const dist = process.argv[3];

async function main() {
  const { HostTcpSocket } = await import(pathToFileURL(join(dist, 'fixtures', 'tcp-socket.js')).href);
  const { winsockHostApi } = await import(pathToFileURL(join(dist, 'fixtures', 'winsock-host-api.js')).href);
  const { encodeSockaddr } = await import(pathToFileURL(join(dist, 'harness', 'common', 'net', 'sockaddr.js')).href);
  const api = winsockHostApi(koffi);
  const held = HostTcpSocket.bind(api, 'AF_INET');
  // Node's own net module fails to connect under Wine here (EBADF); a plain blocking connect() through ws2_32 works.
  const ws2 = koffi.load('ws2_32.dll');
  const connectCall = ws2.func('int __stdcall connect(uintptr_t s, const void *name, int namelen)');
  const client = api.tcpSocket(api.families.AF_INET);
  const target = encodeSockaddr(held.address, api.families);
  const connectOutcome = connectCall(client, target, target.length) === 0 ? 'connected' : api.lastError();
  api.close(client);
  const second = api.tcpSocket(api.families.AF_INET);
  const secondBind = api.bind(second, target, target.length) === 0 ? 'bound' : api.lastError();
  api.close(second);
  held.close();
  print({ address: held.address, connect: connectOutcome, secondBind });
}

/** Node for Windows under Wine cannot use a pipe as process.stdout; a plain write on descriptor 1 works. */
function print(report) {
  writeSync(1, `${JSON.stringify(report)}\n`);
}

main().catch((error) => print({ error: String(error && error.stack) }));
