/**
 * ws2_32.dll through koffi: every function the call declarations name, and
 * the last-error pair; with it the functions of other system DLLs some calls
 * name (user32.dll for the window of WSAAsyncSelect). Pointers are declared
 * `void *` and passed as Buffers the caller fills, so a case can pass lengths
 * and contents that do not match (namelen too small, a NULL name) exactly as
 * a C caller could.
 */
import { CALLS, isProviderCall } from '../../../language/calls/index.js';
import type { NativeFunction, ProviderCallDeclaration } from '../../../language/calls/declaration.js';

type Koffi = typeof import('koffi');

export interface Ws2_32 {
  /** The declared functions by name. */
  readonly functions: ReadonlyMap<string, NativeFunction>;
  readonly WSAGetLastError: () => number;
  readonly WSASetLastError: (code: number) => void;
  /** A function the provider gave a pointer to (an extension function), called as `prototype` declares it. */
  readonly through: (address: bigint, prototype: string) => NativeFunction;
}

export function loadWs2_32(koffi: Koffi): Ws2_32 {
  const libraries = new Map<string, ReturnType<Koffi['load']>>();
  const library = (dll: string) => {
    let loaded = libraries.get(dll);
    if (loaded === undefined) {
      loaded = koffi.load(dll);
      libraries.set(dll, loaded);
    }
    return loaded;
  };
  const lib = library('ws2_32.dll');
  const declared = new Set<string>();
  const functions = new Map<string, NativeFunction>();
  for (const call of CALLS.filter(isProviderCall)) {
    for (const [name, fields] of Object.entries(call.winsock.structs ?? {})) {
      // Several calls may use one structure (WSABUF); koffi takes each name once.
      if (declared.has(name)) continue;
      koffi.struct(name, fields);
      declared.add(name);
    }
    for (const [dll, prototype] of declaredFunctions(call)) {
      // Several calls may use one function (PeekMessageW); the first declaration is the one.
      const name = prototypeName(prototype);
      if (!functions.has(name)) functions.set(name, library(dll).func(prototype) as NativeFunction);
    }
  }
  // koffi takes each prototype's name once: one type per prototype, made when first called through.
  const prototypes = new Map<string, ReturnType<Koffi['proto']>>();
  const through = (address: bigint, prototype: string): NativeFunction => {
    let type = prototypes.get(prototype);
    if (type === undefined) {
      type = koffi.proto(prototype);
      prototypes.set(prototype, type);
    }
    const declared = type;
    return (...args: unknown[]) => koffi.call(address, declared, ...args) as unknown;
  };
  return {
    functions,
    through,
    WSAGetLastError: lib.func('int __stdcall WSAGetLastError()') as () => number,
    WSASetLastError: lib.func('void __stdcall WSASetLastError(int iError)') as (code: number) => void,
  };
}

/** Every function a call declares, with its DLL: ws2_32.dll's first, then those of other DLLs. */
export function declaredFunctions(call: ProviderCallDeclaration): [dll: string, prototype: string][] {
  const others = Object.entries(call.winsock.otherLibraries ?? {}).flatMap(([dll, prototypes]) => prototypes.map((prototype): [string, string] => [dll, prototype]));
  return [...call.winsock.functions.map((prototype): [string, string] => ['ws2_32.dll', prototype]), ...others];
}

/** `int __stdcall bind(uintptr_t s, …)` → `bind`. */
export function prototypeName(prototype: string): string {
  const name = /([A-Za-z_][A-Za-z0-9_]*)\s*\(/.exec(prototype)?.[1];
  if (name === undefined) throw new Error(`not a function prototype: ${prototype}`);
  return name;
}
