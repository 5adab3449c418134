/**
 * A koffi for running repro scripts on the host's own Node, with no Windows:
 * the real koffi, except that a Windows DLL loads as a stand-in whose every
 * function records its name and arguments (in the file REPRO_STAND_IN_LOG
 * names, one JSON line each) and succeeds — a function that returns a handle
 * or a pointer returns a new one, a BOOL function TRUE, every other 0. An address it is
 * given room for (a buffer, then a 4-byte buffer holding its length) it fills
 * with 127.0.0.1:9, as getsockname would. A datagram socket's send and sendto
 * really send, from the host, so that a UDP peer receives what the case sends.
 * ntdll.dll does not load, so the script's binding takes it for Windows, not
 * Wine. A script given this file as its koffi makes every call of its case
 * down to the native function.
 */
'use strict';
const fs = require('node:fs');
const dgram = require('node:dgram');
const real = require('koffi');

const SOCK_DGRAM = 2;
const AF_INET = 2;
const AF_INET6 = 23;
// Their prototypes say int, but they return a BOOL: nonzero is success.
const BOOL_FUNCTIONS = new Set(['DestroyWindow', 'PeekMessageW', 'QueueUserAPC', 'WSACloseEvent', 'WSAGetOverlappedResult']);

let lastHandle = 0;
/** What the stand-in knows of each socket it made: whether it is a datagram socket, and where it was connected. */
const sockets = new Map();
/** The host sockets the datagrams leave from, by family; unref'd, so that the script still ends. */
const senders = new Map();

function shown(value) {
  if (Buffer.isBuffer(value)) return { bytes: value.length };
  if (typeof value === 'bigint') return String(value);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, shown(field)]));
  return value;
}

/** The address a Winsock sockaddr holds, as Node's dgram takes it. */
function destination(name) {
  if (!Buffer.isBuffer(name)) return undefined;
  const family = name.readUInt16LE(0);
  const port = name.readUInt16BE(2);
  if (family === AF_INET) return { type: 'udp4', address: [...name.subarray(4, 8)].join('.'), port };
  if (family === AF_INET6 && name.length >= 24) {
    const groups = Array.from({ length: 8 }, (_, index) => name.readUInt16BE(8 + index * 2).toString(16));
    return { type: 'udp6', address: groups.join(':'), port };
  }
  return undefined;
}

function sendFrom(handle, data, to) {
  if (!sockets.get(handle)?.datagram || to === undefined) return;
  let sender = senders.get(to.type);
  if (sender === undefined) {
    sender = dgram.createSocket(to.type);
    sender.unref();
    senders.set(to.type, sender);
  }
  sender.send(Buffer.from(data), to.port, to.address);
}

function fillNames(args) {
  args.forEach((room, index) => {
    const length = args[index + 1];
    if (!Buffer.isBuffer(room) || room.length < 16 || !Buffer.isBuffer(length) || length.length !== 4 || length.readInt32LE(0) !== room.length) return;
    room.writeUInt16LE(AF_INET, 0);
    room.writeUInt16BE(9, 2);
    room.writeUInt32BE(0x7f000001, 4);
    length.writeInt32LE(16, 0);
  });
}

/**
 * The extension function WSAIoctl gives a pointer to (ConnectEx, the one a
 * case asks for): a native callback of ConnectEx's own prototype, which
 * logs its call and returns TRUE, so that a script calls it through the
 * pointer as it calls Windows' own.
 */
let extensionFunction;
function extensionPointer() {
  if (extensionFunction === undefined) {
    const prototype = real.proto(
      'int __stdcall StandInConnectEx(uintptr_t s, const void *name, int namelen, const void *lpSendBuffer, uint32_t dwSendDataLength, void *lpdwBytesSent, void *lpOverlapped)',
    );
    extensionFunction = real.register((...args) => {
      logged('ConnectEx', args);
      return 1;
    }, real.pointer(prototype));
  }
  return BigInt(real.address(extensionFunction));
}

/** What the functions that do more than succeed do. */
const BEHAVIOURS = {
  // SIO_GET_EXTENSION_FUNCTION_POINTER: the pointer goes in the output buffer.
  WSAIoctl: (s, code, guid, guidLength, out) => {
    if (Buffer.isBuffer(out) && out.length >= 8) out.writeBigUInt64LE(extensionPointer(), 0);
    return 0;
  },
  socket: (af, type) => made({ datagram: type === SOCK_DGRAM }),
  WSASocketW: (af, type) => made({ datagram: type === SOCK_DGRAM }),
  WSAConnect: (s, name) => connected(s, name),
  connect: (s, name) => connected(s, name),
  send: (s, data, length) => {
    sendFrom(Number(s), data.subarray(0, length), sockets.get(Number(s))?.peer);
    return length;
  },
  sendto: (s, data, length, flags, to) => {
    sendFrom(Number(s), data.subarray(0, length), destination(to));
    return length;
  },
};

function made(socket) {
  lastHandle += 1;
  sockets.set(lastHandle, socket);
  return lastHandle;
}

function connected(s, name) {
  const socket = sockets.get(Number(s));
  if (socket !== undefined) socket.peer = destination(name);
  return 0;
}

function logged(name, args) {
  const log = process.env.REPRO_STAND_IN_LOG;
  if (log) fs.appendFileSync(log, JSON.stringify({ name, args: args.map(shown) }) + '\n');
}

function standIn(prototype) {
  const name = /([A-Za-z_][A-Za-z0-9_]*)\s*\(/.exec(prototype)[1];
  // A pointer it returns (a module, a procedure, a thread: kernel32's, for an APC) is a handle too: never NULL, which is failure.
  const succeeds = () => (/^(u?intptr_t |void \*)/.test(prototype) ? ++lastHandle : BOOL_FUNCTIONS.has(name) ? 1 : 0);
  return (...args) => {
    logged(name, args);
    fillNames(args);
    return (BEHAVIOURS[name] ?? succeeds)(...args);
  };
}

module.exports = {
  ...real,
  version: 'stand-in',
  load(library) {
    if (!/\.dll$/i.test(library)) return real.load(library);
    if (/^ntdll\.dll$/i.test(library)) throw new Error('no ntdll here');
    return { func: standIn };
  },
};
