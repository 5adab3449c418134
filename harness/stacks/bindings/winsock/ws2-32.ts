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
import { decodeSockaddr, WINSOCK_FAMILIES } from '../../../common/net/sockaddr.js';

type Koffi = typeof import('koffi');

export interface Ws2_32 {
  /** The declared functions by name. */
  readonly functions: ReadonlyMap<string, NativeFunction>;
  /** Declared functions the DLL does not export (Wine's ws2_32 has no WSAConnectByList), each with why: a call that uses one cannot be made. */
  readonly missing: ReadonlyMap<string, string>;
  /** The addresses getaddrinfo gives for a host name (any family, stream sockets), as text; none when it fails. */
  readonly resolve: (host: string) => string[];
  /** A SOCKET_ADDRESS_LIST pointing at these encoded socket addresses, as a pointer argument. */
  readonly socketAddressList: (names: readonly Buffer[]) => unknown;
  readonly WSAGetLastError: () => number;
  readonly WSASetLastError: (code: number) => void;
  /** A function the provider gave a pointer to (an extension function), called as `prototype` declares it. */
  readonly through: (address: bigint, prototype: string) => NativeFunction;
  /** Memory outside Node's heap, for what the provider may write after the call that was given it returns. */
  readonly memory: NativeMemory;
}

/**
 * Memory that stays where it is until freed: koffi warns that the memory of
 * a Buffer is safe to pass only for the call itself, so what a provider may
 * write later (lpCalleeData, valid only once FD_CONNECT has occurred) lives
 * here.
 */
export interface NativeMemory {
  /** `bytes` zeroed bytes (at least 1). */
  alloc(bytes: number): NativeBlock;
  free(block: NativeBlock): void;
}

export interface NativeBlock {
  /** What a pointer argument takes. */
  readonly pointer: unknown;
  /** Its address, for a structure that points at it. */
  readonly address: bigint;
  /** Its bytes, read and written in place (no copy): what the provider wrote shows at once. */
  readonly bytes: Buffer;
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
  const missing = new Map<string, string>();
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
      if (functions.has(name) || missing.has(name)) continue;
      try {
        functions.set(name, library(dll).func(prototype) as NativeFunction);
      } catch (error) {
        // A stack that lacks a function still runs every case that does not call it.
        missing.set(name, `${dll} does not export ${name} (${error instanceof Error ? error.message : String(error)})`);
      }
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
    missing,
    ...addressHelpers(koffi, lib),
    memory: nativeMemory(koffi),
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

/**
 * What WSAConnectByName and WSAConnectByList need of koffi itself: the
 * stack's resolver, read through its ADDRINFOA chain (64-bit layout), and
 * SOCKET_ADDRESS_LISTs, whose entries point at the addresses.
 */
function addressHelpers(koffi: Koffi, lib: ReturnType<Koffi['load']>): Pick<Ws2_32, 'resolve' | 'socketAddressList'> {
  const addrinfo = koffi.struct('ws2_ADDRINFOA', {
    ai_flags: 'int',
    ai_family: 'int',
    ai_socktype: 'int',
    ai_protocol: 'int',
    ai_addrlen: 'size_t',
    ai_canonname: 'void *',
    ai_addr: 'void *',
    ai_next: 'void *',
  });
  const socketAddress = koffi.struct('ws2_SOCKET_ADDRESS', { lpSockaddr: 'void *', iSockaddrLength: 'int' });
  const getaddrinfo = lib.func('int __stdcall getaddrinfo(const char *node, const char *service, const ws2_ADDRINFOA *hints, _Out_ void **res)');
  const freeaddrinfo = lib.func('void __stdcall freeaddrinfo(void *ai)');
  const SOCK_STREAM = 1;
  const lists = new Map<number, string>();
  return {
    resolve(host) {
      const result: unknown[] = [null];
      const hints = { ai_flags: 0, ai_family: 0, ai_socktype: SOCK_STREAM, ai_protocol: 0, ai_addrlen: 0, ai_canonname: null, ai_addr: null, ai_next: null };
      if (Number(getaddrinfo(host, null, hints, result)) !== 0 || result[0] === null) return [];
      const addresses: string[] = [];
      try {
        for (let entry: unknown = result[0]; entry !== null && entry !== undefined; ) {
          const info = koffi.decode(entry, addrinfo) as { ai_addrlen: number | bigint; ai_addr: unknown; ai_next: unknown };
          const length = Number(info.ai_addrlen);
          if (info.ai_addr !== null && length > 0) {
            const bytes = Buffer.from(koffi.decode(info.ai_addr, 'uint8_t', length) as ArrayLike<number>);
            addresses.push(decodeSockaddr(bytes, length, WINSOCK_FAMILIES).address);
          }
          entry = info.ai_next;
        }
      } finally {
        freeaddrinfo(result[0]);
      }
      return addresses;
    },
    socketAddressList(names) {
      // One structure type per length: the list is an INT count followed by that many SOCKET_ADDRESSes.
      let type = lists.get(names.length);
      if (type === undefined) {
        type = `ws2_SOCKET_ADDRESS_LIST_${names.length}`;
        koffi.struct(type, { iAddressCount: 'int', Address: koffi.array(socketAddress, Math.max(names.length, 1)) });
        lists.set(names.length, type);
      }
      const entries = names.map((name) => ({ lpSockaddr: name, iSockaddrLength: name.length }));
      const padded = entries.length === 0 ? [{ lpSockaddr: null, iSockaddrLength: 0 }] : entries;
      return koffi.as({ iAddressCount: names.length, Address: padded }, `${type} *`);
    },
  };
}

function nativeMemory(koffi: Koffi): NativeMemory {
  return {
    alloc(bytes) {
      const pointer: unknown = koffi.alloc('uint8_t', bytes);
      const view = Buffer.from(koffi.view(pointer, bytes));
      view.fill(0);
      return { pointer, address: koffi.address(pointer), bytes: view };
    },
    free: (block) => koffi.free(block.pointer),
  };
}
