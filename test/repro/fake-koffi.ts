/**
 * A koffi for running repro scripts on the host's own Node, with no Windows:
 * the real koffi, except that a Windows DLL loads as a stand-in whose every
 * function records its name and arguments and succeeds: a function that
 * returns a handle returns 1, a BOOL function TRUE, every other 0; an
 * address it is given room for (a buffer, then a 4-byte buffer holding its
 * length) it fills with 127.0.0.1:9, as getsockname would. ntdll.dll does not
 * load, so the script's binding takes it for Windows, not Wine. A script given
 * this module's folder as its koffi makes every call of its case down to the
 * native function, whatever the call.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The environment variable naming the file the stand-in appends each call to, one JSON line each. */
export const CALL_LOG_VARIABLE = 'REPRO_FAKE_WS2_LOG';

/** One native call as the stand-in saw it: Buffers by their length, other values as they were. */
export interface LoggedNativeCall {
  readonly name: string;
  readonly args: readonly unknown[];
}

const SOURCE = (realKoffi: string) => `'use strict';
const fs = require('node:fs');
const real = require(${JSON.stringify(realKoffi)});
// Their prototypes say int, but they return a BOOL: nonzero is success.
const BOOL_FUNCTIONS = new Set(['DestroyWindow', 'PeekMessageW', 'WSACloseEvent']);
const shown = (value) => Buffer.isBuffer(value) ? { bytes: value.length } : typeof value === 'bigint' ? String(value)
  : value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([key, field]) => [key, shown(field)])) : value;
const standIn = (prototype) => {
  const name = /([A-Za-z_][A-Za-z0-9_]*)\\s*\\(/.exec(prototype)[1];
  const succeeds = /^u?intptr_t /.test(prototype) || BOOL_FUNCTIONS.has(name) ? 1 : 0;
  return (...args) => {
    args.forEach((room, index) => {
      const length = args[index + 1];
      if (!Buffer.isBuffer(room) || room.length < 16 || !Buffer.isBuffer(length) || length.length !== 4 || length.readInt32LE(0) !== room.length) return;
      room.writeUInt16LE(2, 0);
      room.writeUInt16BE(9, 2);
      room.writeUInt32BE(0x7f000001, 4);
      length.writeInt32LE(16, 0);
    });
    const log = process.env[${JSON.stringify(CALL_LOG_VARIABLE)}];
    if (log) fs.appendFileSync(log, JSON.stringify({ name, args: args.map(shown) }) + '\\n');
    return succeeds;
  };
};
module.exports = {
  ...real,
  version: 'stand-in',
  load(library) {
    if (!/\\.dll$/i.test(library)) return real.load(library);
    if (/^ntdll\\.dll$/i.test(library)) throw new Error('no ntdll here');
    return { func: standIn };
  },
};
`;

/** Writes the stand-in koffi into `folder` (a package folder a script can load) and returns the folder. */
export function writeFakeKoffi(folder: string): string {
  mkdirSync(folder, { recursive: true });
  const realKoffi = createRequire(import.meta.url).resolve('koffi');
  writeFileSync(path.join(folder, 'index.js'), SOURCE(realKoffi));
  return folder;
}
