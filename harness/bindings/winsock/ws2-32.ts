/**
 * ws2_32.dll through koffi: every function the call declarations name, and
 * the last-error pair. Pointers are declared `void *` and passed as Buffers
 * the caller fills, so a case can pass lengths and contents that do not
 * match (namelen too small, a NULL name) exactly as a C caller could.
 */
import { CALLS, isProviderCall } from '../../calls/index.js';
import type { NativeFunction } from '../../calls/declaration.js';

type Koffi = typeof import('koffi');

export interface Ws2_32 {
  /** The declared functions by name. */
  readonly functions: ReadonlyMap<string, NativeFunction>;
  readonly WSAGetLastError: () => number;
  readonly WSASetLastError: (code: number) => void;
}

export function loadWs2_32(koffi: Koffi): Ws2_32 {
  const lib = koffi.load('ws2_32.dll');
  const declared = new Set<string>();
  const functions = new Map<string, NativeFunction>();
  for (const call of CALLS.filter(isProviderCall)) {
    for (const [name, fields] of Object.entries(call.winsock.structs ?? {})) {
      // Several calls may use one structure (WSABUF); koffi takes each name once.
      if (declared.has(name)) continue;
      koffi.struct(name, fields);
      declared.add(name);
    }
    for (const prototype of call.winsock.functions) {
      functions.set(prototypeName(prototype), lib.func(prototype) as NativeFunction);
    }
  }
  return {
    functions,
    WSAGetLastError: lib.func('int __stdcall WSAGetLastError()') as () => number,
    WSASetLastError: lib.func('void __stdcall WSASetLastError(int iError)') as (code: number) => void,
  };
}

/** `int __stdcall bind(uintptr_t s, …)` → `bind`. */
export function prototypeName(prototype: string): string {
  const name = /([A-Za-z_][A-Za-z0-9_]*)\s*\(/.exec(prototype)?.[1];
  if (name === undefined) throw new Error(`not a function prototype: ${prototype}`);
  return name;
}
