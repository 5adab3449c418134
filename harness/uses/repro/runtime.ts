/**
 * What a repro script runs: its calls of ws2_32, its loopback peers, its
 * steps. Each function and each call below is printed into the script by its
 * source text (harness/uses/repro/script.ts), so the script needs Node and koffi
 * alone. They may therefore use only their parameters, their own locals,
 * Node's globals (Buffer, require, process, BigInt) and the other functions
 * of this file by name — no import, no constant of this module. The test of
 * the scripts runs them in a context that has nothing else.
 */
import type { Outcome } from '../../language/cases/case.js';

type Native = (...args: unknown[]) => unknown;

/** The script's view of Winsock, built by openWinsock. */
export interface ReproWinsock {
  readonly fn: Readonly<Record<string, Native>>;
  readonly getLastError: () => number;
  readonly setLastError: (code: number) => void;
  /** Winsock's error names by code. */
  readonly errorNames: Readonly<Record<string, string>>;
  /** Sockets the steps opened, closed at the end. */
  readonly open: Set<number>;
  /** WSAStartup minus WSACleanup made by the steps, undone at the end. */
  startups: number;
}

export type Observed = Record<string, unknown> & { returns: number | string; error?: string };
export type Args = Record<string, unknown>;
export type ReproCall = (ws: ReproWinsock, args: Args) => Observed;

/** A step as the script lists it: the call, its arguments as the case writes them (constants as numbers), its documented outcomes. */
export interface ReproStep {
  readonly id: string;
  readonly call: string;
  readonly args: Args;
  readonly as?: string;
  /** What `as` keeps: the socket a call creates, or the whole observation. */
  readonly keeps: 'socket' | 'observation';
  readonly expect?: readonly Outcome[];
}

/** A peer as the script starts it. */
export interface ReproPeer {
  readonly name: string;
  readonly kind: 'tcp-listener' | 'udp-peer' | 'closed-port';
  readonly family: 'AF_INET' | 'AF_INET6';
}

export function openWinsock(koffi: { load(name: string): { func(prototype: string): unknown }; struct(name: string, fields: object): unknown }, prototypes: readonly string[], structs: Readonly<Record<string, object>>, errorNames: Readonly<Record<string, string>>): ReproWinsock {
  for (const [name, fields] of Object.entries(structs)) koffi.struct(name, fields);
  const lib = koffi.load('ws2_32.dll');
  const fn: Record<string, Native> = {};
  for (const prototype of prototypes) {
    const name = /([A-Za-z_][A-Za-z0-9_]*)\s*\(/.exec(prototype)?.[1] ?? prototype;
    fn[name] = lib.func(prototype) as Native;
  }
  const getLastError = lib.func('int __stdcall WSAGetLastError()') as () => number;
  const setLastError = lib.func('void __stdcall WSASetLastError(int iError)') as (code: number) => void;
  const started = Number((lib.func('int __stdcall WSAStartup(uint16_t wVersionRequested, void *lpWSAData)') as Native)(0x0202, Buffer.alloc(512)));
  if (started !== 0) throw new Error(`WSAStartup(2.2) failed with ${started}`);
  return { fn, getLastError, setLastError, errorNames, open: new Set(), startups: 0 };
}

/** A call that returns an int: -1 is SOCKET_ERROR, with WSAGetLastError by name (the last error is set to 0xdeadbeef first). */
export function observeInt(ws: ReproWinsock, call: () => unknown): Observed {
  ws.setLastError(0xdeadbeef | 0);
  const returns = Number(call());
  if (returns !== -1) return { returns };
  const code = ws.getLastError();
  return { returns: 'SOCKET_ERROR', error: code === (0xdeadbeef | 0) ? 'unchanged (0xdeadbeef)' : (ws.errorNames[String(code)] ?? `WSA error ${code}`) };
}

/** A call that returns a new socket, kept to be closed at the end. */
export function observeSocket(ws: ReproWinsock, call: () => unknown): Observed {
  ws.setLastError(0xdeadbeef | 0);
  const handle = call() as number | bigint;
  if (BigInt(handle) === 2n ** 64n - 1n) {
    const code = ws.getLastError();
    return { returns: 'INVALID_SOCKET', error: ws.errorNames[String(code)] ?? `WSA error ${code}` };
  }
  ws.open.add(Number(handle));
  return { returns: 'socket', handle: Number(handle) };
}

/**
 * A sockaddr_in or sockaddr_in6 in Winsock's layout (AF_INET6 is 23), at
 * least `length` bytes; null stays NULL. AF_INET is always a sockaddr_in and
 * AF_INET6 a sockaddr_in6; other families take the one their text needs.
 * The bytes then pass the traffic rule (keepToLoopback) before any call
 * gets them.
 */
export function encodeName(address: Args | null, length: number | undefined, sends = false): { buffer: Buffer | null; namelen: number } {
  if (address === null || address === undefined) return { buffer: null, namelen: length ?? 0 };
  const families: Record<string, number> = { AF_UNSPEC: 0, AF_INET: 2, AF_INET6: 23 };
  const text = String(address['address']);
  const family = address['family'];
  const v6 = family === 'AF_INET6' || (family !== 'AF_INET' && text.includes(':'));
  const size = v6 ? 28 : 16;
  const buffer = Buffer.alloc(Math.max(size, length ?? 0));
  buffer.writeUInt16LE(typeof family === 'number' ? family : (families[String(family)] ?? 0), 0);
  buffer.writeUInt16BE(Number(address['port']), 2);
  if (v6) {
    buffer.writeUInt32BE(Number(address['flowinfo'] ?? 0), 4);
    const [head = '', tail = ''] = text.split('::');
    const groups = (part: string) => (part === '' ? [] : part.split(':'));
    const all = [...groups(head), ...Array(8 - groups(head).length - groups(tail).length).fill('0'), ...groups(tail)];
    all.forEach((group, index) => buffer.writeUInt16BE(parseInt(group, 16), 8 + index * 2));
    buffer.writeUInt32LE(Number(address['scopeId'] ?? 0), 24);
  } else {
    // Text of the other family would leave zeros here, which read as the all-zero address: refused instead.
    if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) throw new Error(`${String(family)} takes an IPv4 address (sockaddr_in), not ${JSON.stringify(text)}`);
    text.split('.').forEach((octet, index) => buffer.writeUInt8(Number(octet), 4 + index));
  }
  keepToLoopback(buffer, sends);
  return { buffer, namelen: length ?? size };
}

/**
 * The traffic rule, as the script applies it to every name it passes: the
 * bytes are read as a stack reads them — by the family in their first two
 * bytes (2: the sockaddr_in address; 23: the sockaddr_in6 address, an
 * IPv4-mapped one as its IPv4 address; any other family both ways) — and
 * must lead to loopback, or, for a call that sends nothing, be the all-zero
 * address or 255.255.255.255. The harness's own guard reads them the same
 * way (harness/common/net/sockaddr-destination.ts); a script can carry no import.
 */
export function keepToLoopback(name: Buffer, sends: boolean): void {
  const bytes = Buffer.alloc(Math.max(name.length, 28));
  name.copy(bytes);
  const placeOfV4 = (v4: Buffer) => (v4[0] === 127 ? 'loopback' : v4.every((b) => b === 0) ? 'unspecified' : v4.every((b) => b === 255) ? 'broadcast' : 'elsewhere');
  const placeOfV6 = (v6: Buffer) => {
    if (v6.subarray(0, 10).every((b) => b === 0) && v6.readUInt16BE(10) === 0xffff) return placeOfV4(v6.subarray(12, 16));
    if (!v6.subarray(0, 15).every((b) => b === 0)) return 'elsewhere';
    return v6[15] === 1 ? 'loopback' : v6[15] === 0 ? 'unspecified' : 'elsewhere';
  };
  const family = bytes.readUInt16LE(0);
  const places = family === 2 ? [placeOfV4(bytes.subarray(4, 8))] : family === 23 ? [placeOfV6(bytes.subarray(8, 24))] : [placeOfV4(bytes.subarray(4, 8)), placeOfV6(bytes.subarray(8, 24))];
  const refused = places.find((place) => place === 'elsewhere' || (sends && place !== 'loopback'));
  if (refused !== undefined) throw new Error(`the traffic rule refuses a name whose bytes (${name.subarray(0, 28).toString('hex')}) lead ${refused === 'elsewhere' ? 'outside loopback' : `to the ${refused} address`}; repro scripts send only to 127.0.0.0/8 and ::1`);
}

/** A socket address written back by a call: `{ family, address, port }`. */
export function decodeName(buffer: Buffer, length: number): Args {
  const family = buffer.readUInt16LE(0);
  const port = buffer.readUInt16BE(2);
  if (family === 23 && length >= 28) {
    const groups = Array.from({ length: 8 }, (_, index) => buffer.readUInt16BE(8 + index * 2).toString(16));
    const address = groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::').replace(/:{3,}/, '::');
    return { family: 'AF_INET6', address, port };
  }
  if (family === 2) return { family: 'AF_INET', address: [4, 5, 6, 7].map((offset) => buffer.readUInt8(offset)).join('.'), port };
  return { family, address: buffer.subarray(0, Math.max(0, length)).toString('hex'), port };
}

/** Room for an address a call writes, added to the observation under `output` when the call succeeded. */
export function withNameOut(call: (name: Buffer, namelen: Buffer) => Observed, output: string): Observed {
  const name = Buffer.alloc(128);
  const namelen = Buffer.alloc(4);
  namelen.writeInt32LE(128, 0);
  const observed = call(name, namelen);
  return observed.error === undefined ? { ...observed, [output]: decodeName(name, namelen.readInt32LE(0)) } : observed;
}

/** The documented alternatives of a step, compared with what it did: `{ not: v }`, objects by the keys they name, lists item by item. */
export function matches(expected: unknown, observed: unknown): boolean {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected) && Object.keys(expected).length === 1 && 'not' in expected) {
    return !matches((expected as { not: unknown }).not, observed);
  }
  if (Array.isArray(expected)) return Array.isArray(observed) && observed.length === expected.length && expected.every((item, index) => matches(item, observed[index]));
  if (expected !== null && typeof expected === 'object') {
    return observed !== null && typeof observed === 'object' && Object.entries(expected).every(([key, value]) => matches(value, (observed as Args)[key]));
  }
  return expected === observed;
}

/** A copy of `value` with `$name.path` references replaced from `names`; `$$` stands for `$`. */
export function resolve(value: unknown, names: ReadonlyMap<string, unknown>): unknown {
  if (typeof value === 'string') {
    if (value.startsWith('$$')) return value.slice(1);
    if (!value.startsWith('$')) return value;
    const [name = '', ...path] = value.slice(1).split('.');
    if (!names.has(name)) throw new Error(`${value}: nothing is named ${name} yet`);
    return path.reduce((current: unknown, key) => (current as Args | null)?.[key], names.get(name));
  }
  if (Array.isArray(value)) return value.map((item) => resolve(item, names));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolve(item, names)]));
  return value;
}

/** A socket argument: a handle, or INVALID_SOCKET. */
export function handleOf(value: unknown): number | bigint {
  return value === 'INVALID_SOCKET' ? 2n ** 64n - 1n : Number(value);
}

/** The text of a receive buffer after a call that returned how many bytes it filled. */
export function withData(observed: Observed, buffer: Buffer): Observed {
  return typeof observed.returns === 'number' && observed.returns >= 0 ? { ...observed, data: buffer.subarray(0, observed.returns).toString('utf8') } : observed;
}

/** An fd_set holding `s`, or NULL. */
export function fdSet(s: number | bigint, wanted: unknown): Buffer | null {
  if (wanted !== true) return null;
  const set = Buffer.alloc(8 + 64 * 8);
  set.writeUInt32LE(1, 0);
  set.writeBigUInt64LE(BigInt(s), 8);
  return set;
}

/** A QOS structure from `{ sending, receiving }` FLOWSPECs whose every field is given (the script lists them whole), or NULL. */
export function qosStruct(spec: unknown): object | null {
  if (spec === null || spec === undefined) return null;
  const flowspec = (fields: Args) => ({
    TokenRate: fields['tokenRate'],
    TokenBucketSize: fields['tokenBucketSize'],
    PeakBandwidth: fields['peakBandwidth'],
    Latency: fields['latency'],
    DelayVariation: fields['delayVariation'],
    ServiceType: fields['serviceType'],
    MaxSduSize: fields['maxSduSize'],
    MinimumPolicedSize: fields['minimumPolicedSize'],
  });
  const { sending, receiving } = spec as { sending: Args; receiving: Args };
  return { SendingFlowspec: flowspec(sending), ReceivingFlowspec: flowspec(receiving), ProviderSpecific: { len: 0, buf: null } };
}

/** Each call of the case language, made as the Winsock binding of the harness makes it. */
export const REPRO_CALLS: Readonly<Record<string, ReproCall>> = {
  WSAStartup: (ws, a) => {
    const data = Buffer.alloc(512);
    const code = Number(ws.fn['WSAStartup']?.(a['version'], data));
    if (code !== 0) return { returns: code, error: ws.errorNames[String(code)] ?? `WSA error ${code}` };
    ws.startups += 1;
    const version = (word: number) => `${word & 0xff}.${word >> 8}`;
    return { returns: 0, version: version(data.readUInt16LE(0)), highVersion: version(data.readUInt16LE(2)) };
  },
  WSACleanup: (ws, a) => {
    const once = () => {
      const observed = observeInt(ws, () => ws.fn['WSACleanup']?.());
      if (observed.returns === 0) ws.startups -= 1;
      return observed;
    };
    if (a['repeat'] === undefined) return once();
    for (let cleanups = 0; cleanups < 64; cleanups++) {
      const observed = once();
      if (observed.error !== undefined) return { ...observed, cleanups };
    }
    return { returns: 0, cleanups: 64 };
  },
  socket: (ws, a) => observeSocket(ws, () => ws.fn['socket']?.(a['af'], a['type'], a['protocol'])),
  closesocket: (ws, a) => {
    const observed = observeInt(ws, () => ws.fn['closesocket']?.(handleOf(a['s'])));
    if (observed.returns === 0) ws.open.delete(Number(a['s']));
    return observed;
  },
  bind: (ws, a) => {
    const { buffer, namelen } = encodeName(a['name'] as Args | null, a['namelen'] as number | undefined);
    return observeInt(ws, () => ws.fn['bind']?.(handleOf(a['s']), buffer, namelen));
  },
  listen: (ws, a) => observeInt(ws, () => ws.fn['listen']?.(handleOf(a['s']), a['backlog'])),
  accept: (ws, a) => withNameOut((name, namelen) => observeSocket(ws, () => ws.fn['accept']?.(handleOf(a['s']), name, namelen)), 'name'),
  setsockopt: (ws, a) => {
    const value = Buffer.alloc(4);
    value.writeInt32LE(Number(a['value']), 0);
    return observeInt(ws, () => ws.fn['setsockopt']?.(handleOf(a['s']), a['level'], a['option'], value, 4));
  },
  getsockopt: (ws, a) => {
    const value = Buffer.alloc(4);
    const length = Buffer.alloc(4);
    length.writeInt32LE(4, 0);
    const observed = observeInt(ws, () => ws.fn['getsockopt']?.(handleOf(a['s']), a['level'], a['option'], value, length));
    return observed.returns === 0 ? { ...observed, value: value.readInt32LE(0) } : observed;
  },
  ioctlsocket: (ws, a) => {
    const argp = Buffer.alloc(4);
    argp.writeUInt32LE(Number(a['value']) >>> 0, 0);
    return observeInt(ws, () => ws.fn['ioctlsocket']?.(handleOf(a['s']), Number(a['command']) >>> 0, argp));
  },
  WSAConnect: (ws, a) => {
    const { buffer, namelen } = encodeName(a['name'] as Args | null, a['namelen'] as number | undefined);
    const callerData = a['callerData'] as { data: string } | null | undefined;
    const calleeData = a['calleeData'] as { length: number } | null | undefined;
    const caller = callerData ? { len: Buffer.byteLength(callerData.data), buf: Buffer.from(callerData.data) } : null;
    const callee = calleeData ? { len: calleeData.length, buf: Buffer.alloc(calleeData.length) } : null;
    const observed = observeInt(ws, () => ws.fn['WSAConnect']?.(handleOf(a['s']), buffer, namelen, caller, callee, qosStruct(a['sqos']), qosStruct(a['gqos'])));
    return callee ? { ...observed, calleeData: { len: callee.len } } : observed;
  },
  connect: (ws, a) => {
    const { buffer, namelen } = encodeName(a['name'] as Args | null, a['namelen'] as number | undefined);
    return observeInt(ws, () => ws.fn['connect']?.(handleOf(a['s']), buffer, namelen));
  },
  select: (ws, a) => {
    const s = handleOf(a['s']);
    const sets = [fdSet(s, a['read']), fdSet(s, a['write']), fdSet(s, a['except'])] as const;
    const timeout = Buffer.alloc(8);
    const ms = Math.min(Number(a['timeout']), 3_600_000);
    timeout.writeInt32LE(Math.floor(ms / 1000), 0);
    timeout.writeInt32LE((ms % 1000) * 1000, 4);
    const observed = observeInt(ws, () => ws.fn['select']?.(0, sets[0], sets[1], sets[2], timeout));
    if (observed.returns === 'SOCKET_ERROR') return observed;
    const ready = (set: Buffer | null) => set !== null && set.readUInt32LE(0) > 0;
    return { ...observed, readable: ready(sets[0]), writable: ready(sets[1]), except: ready(sets[2]) };
  },
  send: (ws, a) => {
    const bytes = Buffer.from(String(a['data']));
    return observeInt(ws, () => ws.fn['send']?.(handleOf(a['s']), bytes, bytes.length, a['flags'] ?? 0));
  },
  recv: (ws, a) => {
    const buffer = Buffer.alloc(Number(a['length']));
    return withData(observeInt(ws, () => ws.fn['recv']?.(handleOf(a['s']), buffer, buffer.length, a['flags'] ?? 0)), buffer);
  },
  sendto: (ws, a) => {
    const bytes = Buffer.from(String(a['data']));
    const { buffer, namelen } = encodeName(a['to'] as Args | null, a['tolen'] as number | undefined, true);
    return observeInt(ws, () => ws.fn['sendto']?.(handleOf(a['s']), bytes, bytes.length, 0, buffer, namelen));
  },
  recvfrom: (ws, a) => {
    const buffer = Buffer.alloc(Number(a['length']));
    return withNameOut((from, fromlen) => withData(observeInt(ws, () => ws.fn['recvfrom']?.(handleOf(a['s']), buffer, buffer.length, 0, from, fromlen)), buffer), 'from');
  },
  getsockname: (ws, a) => withNameOut((name, namelen) => observeInt(ws, () => ws.fn['getsockname']?.(handleOf(a['s']), name, namelen)), 'name'),
  getpeername: (ws, a) => withNameOut((name, namelen) => observeInt(ws, () => ws.fn['getpeername']?.(handleOf(a['s']), name, namelen)), 'name'),
  shutdown: (ws, a) => observeInt(ws, () => ws.fn['shutdown']?.(handleOf(a['s']), a['how'])),
};

/**
 * The peers' process (the script run with `peers`): starts each peer on an
 * ephemeral loopback port — a TCP listener that echoes, a UDP peer that
 * records and echoes, a port bound and never listening — tells the parent
 * their addresses, and answers its questions about datagrams received.
 */
export function runPeers(peers: readonly ReproPeer[], koffiPath: string): void {
  const net = require('node:net') as typeof import('node:net');
  const dgram = require('node:dgram') as typeof import('node:dgram');
  const send = (message: unknown) => process.send?.(message);
  const received: Record<string, { data: string; from: Args }[]> = {};
  /** The parent's questions still waiting for datagrams. */
  const arrived = new Set<() => void>();
  const started: Promise<[string, Args]>[] = peers.map((peer) => {
    const host = peer.family === 'AF_INET6' ? '::1' : '127.0.0.1';
    const address = (port: number): Args => ({ family: peer.family, address: host, port });
    if (peer.kind === 'tcp-listener') {
      const server = net.createServer((connection) => {
        connection.on('data', (data) => connection.write(data));
        connection.on('error', () => connection.destroy());
      });
      return new Promise((done) => server.listen(0, host, () => done([peer.name, address((server.address() as { port: number }).port)])));
    }
    if (peer.kind === 'udp-peer') {
      const socket = dgram.createSocket(peer.family === 'AF_INET6' ? 'udp6' : 'udp4');
      received[peer.name] = [];
      socket.on('message', (data, from) => {
        received[peer.name]?.push({ data: data.toString('utf8'), from: { family: from.family === 'IPv6' ? 'AF_INET6' : 'AF_INET', address: from.address, port: from.port } });
        socket.send(data, from.port, from.address);
        for (const check of [...arrived]) check();
      });
      return new Promise((done) => socket.bind(0, host, () => done([peer.name, address(socket.address().port)])));
    }
    // closed-port: a socket bound and never listening holds the port (SO_EXCLUSIVEADDRUSE), so a connect to it is refused.
    const koffi = require(koffiPath) as { load(name: string): { func(prototype: string): (...args: unknown[]) => unknown } };
    const ws2 = koffi.load('ws2_32.dll');
    const s = ws2.func('uintptr_t __stdcall socket(int af, int type, int protocol)')(peer.family === 'AF_INET6' ? 23 : 2, 1, 6);
    const one = Buffer.alloc(4);
    one.writeInt32LE(1, 0);
    ws2.func('int __stdcall setsockopt(uintptr_t s, int level, int optname, const void *optval, int optlen)')(s, 0xffff, ~0x0004, one, 4);
    const { buffer, namelen } = encodeName(address(0), undefined);
    ws2.func('int __stdcall bind(uintptr_t s, const void *name, int namelen)')(s, buffer, namelen);
    const name = Buffer.alloc(128);
    const length = Buffer.alloc(4);
    length.writeInt32LE(128, 0);
    ws2.func('int __stdcall getsockname(uintptr_t s, void *name, void *namelen)')(s, name, length);
    return Promise.resolve([peer.name, decodeName(name, length.readInt32LE(0))]);
  });
  Promise.all(started).then((addresses) => send({ ready: Object.fromEntries(addresses) }));
  // A question waits for its datagrams to arrive (each arrival checks it), at most five seconds.
  process.on('message', (message: { datagrams: string; count: number }) => {
    const got = () => received[message.datagrams] ?? [];
    let timer: NodeJS.Timeout | undefined;
    const answer = () => {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      arrived.delete(check);
      send({ datagrams: got() });
    };
    const check = () => {
      if (got().length >= message.count) answer();
    };
    timer = setTimeout(answer, 5000);
    arrived.add(check);
    check();
  });
  process.on('disconnect', () => process.exit(0));
}

/** Runs the steps in order, prints each observation beside what the page documents; returns how many differ. */
export async function runSteps(
  ws: ReproWinsock,
  steps: readonly ReproStep[],
  calls: Readonly<Record<string, ReproCall>>,
  names: Map<string, unknown>,
  askDatagrams: (peer: string, count: number) => Promise<Observed>,
  print: (line: string) => void,
): Promise<number> {
  let different = 0;
  for (const step of steps) {
    const args = resolve(step.args, names) as Args;
    const call = calls[step.call];
    const observed = step.call === 'peer.datagrams' ? await askDatagrams(String(args['peer']), Number(args['count'])) : call === undefined ? { returns: 'none', error: `no call ${step.call}` } : call(ws, args);
    const documented = step.expect === undefined ? undefined : (resolve(step.expect, names) as unknown[]);
    const asDocumented = documented === undefined ? observed.error === undefined : documented.some((outcome) => matches(outcome, observed));
    print(`${step.id}: ${step.call}(${JSON.stringify(args)})`);
    print(`  observed:   ${JSON.stringify(observed)}`);
    print(`  documented: ${documented === undefined ? 'success (set-up step)' : documented.map((outcome) => JSON.stringify(outcome)).join(' or ')}${asDocumented ? '' : '   <-- differs'}`);
    if (step.as !== undefined) names.set(step.as, step.keeps === 'socket' ? observed['handle'] : observed);
    if (!asDocumented) different += 1;
    if (!asDocumented && documented === undefined) {
      print('a set-up step failed: the case stops here, as the harness stops it');
      break;
    }
  }
  return different;
}

/** Undoes what the steps left: start-ups they ended are restored, every socket they opened is closed, start-ups they added are ended. */
export function cleanUp(ws: ReproWinsock): void {
  for (; ws.startups < 0; ws.startups++) ws.fn['WSAStartup']?.(0x0202, Buffer.alloc(512));
  for (const s of ws.open) ws.fn['closesocket']?.(s);
  ws.open.clear();
  for (; ws.startups > 0; ws.startups--) ws.fn['WSACleanup']?.();
}

/** The machine and the stack, for a bug report: the OS, Wine when it is Wine, Node and koffi. */
export function fingerprint(koffi: { version?: string; load(name: string): { func(prototype: string): (...args: unknown[]) => unknown } }): string[] {
  const os = require('node:os') as typeof import('node:os');
  const lines = [`os: ${os.type()} ${os.release()} (${os.version()}), ${os.arch()}`, `node: ${process.version}`, `koffi: ${koffi.version ?? 'unknown'}`];
  try {
    const ntdll = koffi.load('ntdll.dll');
    lines.push(`wine: ${String(ntdll.func('const char *wine_get_version()')())} (${String(ntdll.func('const char *wine_get_build_id()')())})`);
    const sysname: unknown[] = [null];
    const release: unknown[] = [null];
    ntdll.func('void wine_get_host_version(_Out_ const char **sysname, _Out_ const char **release)')(sysname, release);
    lines.push(`kernel: ${String(sysname[0])} ${String(release[0])}`);
  } catch {
    lines.push('wine: none (ntdll has no wine_get_version)');
  }
  return lines;
}
