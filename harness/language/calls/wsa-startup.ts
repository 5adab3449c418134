/**
 * Winsock's per-process start-up and clean-up, as steps. The worker keeps
 * its own WSAStartup for the harness; at the end of a case it undoes what the
 * case's steps did, so every case starts with Winsock started once.
 */
import { arg, providerCall, type WinsockContext } from './declaration.js';
import type { Observation } from './observation.js';

/** WSADATA is 408 bytes on 64-bit Windows; a little more room costs nothing. */
const WSADATA_SIZE = 512;

export const WSAStartup = providerCall({
  name: 'WSAStartup',
  summary: 'Starts Winsock for the process with the version asked for.',
  args: { version: arg.required('winsockVersion', 'wVersionRequested: `"2.2"`, `"1.1"`… (major.minor).') },
  outputs: {
    version: 'wVersion of WSADATA: the version the process will use, as `major.minor`.',
    highVersion: 'wHighVersion of WSADATA: the highest version the stack supports, as `major.minor`.',
  },
  returns: 'errorCode',
  needs: 'winsock-startup',
  winsock: {
    functions: ['int __stdcall WSAStartup(uint16_t wVersionRequested, void *lpWSAData)'],
    perform(ws, { version }) {
      const data = Buffer.alloc(WSADATA_SIZE);
      const code = Number(ws.fn('WSAStartup')(version, data));
      if (code !== 0) return { returns: code, error: ws.errorName(code) };
      ws.startupCounted(1);
      return { returns: 0, version: versionText(data.readUInt16LE(0)), highVersion: versionText(data.readUInt16LE(2)) };
    },
  },
});

/**
 * Start-ups a process may hold that the case cannot see: Node's own runtime
 * (libuv) starts Winsock too. Past this many, WSACleanup is not ending them.
 */
const MAX_CLEANUPS = 64;

export const WSACleanup = providerCall({
  name: 'WSACleanup',
  summary:
    'Ends one WSAStartup of the process; with `repeat: until-error`, calls WSACleanup until it fails, which ends every start-up of the process (Node itself holds one).',
  args: {
    repeat: arg.optional('cleanupRepeat', '`until-error`: call WSACleanup again until it fails; the outcome is the failing call.'),
  },
  outputs: { cleanups: 'With `repeat`: how many calls succeeded before the one that failed.' },
  returns: 'int',
  needs: 'winsock-startup',
  winsock: {
    functions: ['int __stdcall WSACleanup()'],
    perform(ws, { repeat }) {
      return repeat === undefined ? cleanupOnce(ws) : cleanupUntilError(ws);
    },
  },
});

/** A version WORD (low byte major, high byte minor) as `major.minor`. */
function versionText(word: number): string {
  return `${word & 0xff}.${word >> 8}`;
}

/** One WSACleanup, counted when it succeeds so that the end of the case can start Winsock again. */
function cleanupOnce(ws: WinsockContext): Observation {
  const observation = ws.int(() => ws.fn('WSACleanup')());
  if (observation.returns === 0) ws.startupCounted(-1);
  return observation;
}

/** WSACleanup until it fails, which ends every start-up of the process: the failing call's outcome, with how many succeeded before it. */
export function cleanupUntilError(ws: WinsockContext): Observation {
  for (let cleanups = 0; cleanups < MAX_CLEANUPS; cleanups++) {
    const observation = cleanupOnce(ws);
    if (observation.error !== undefined) return { ...observation, cleanups };
  }
  return { returns: 0, cleanups: MAX_CLEANUPS };
}
