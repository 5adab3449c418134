/**
 * errno values as Winsock error names: the one table of that
 * correspondence. Winsock's error names are BSD's errno names with `WSA`
 * in front (winsock2.h numbers them WSABASEERR + the BSD errno), so most
 * rows pair a name with its twin. Three rows do not, because the two
 * interfaces report the same event differently:
 * - EINPROGRESS: a non-blocking connect that has started is EINPROGRESS in
 *   POSIX (connect(2)) and WSAEWOULDBLOCK in Winsock (the WSAConnect page:
 *   "WSAConnect will return SOCKET_ERROR, and WSAGetLastError will return
 *   WSAEWOULDBLOCK"); Winsock's own WSAEINPROGRESS means a blocking call is
 *   in progress, which POSIX has no notion of.
 * - EAGAIN (the same number as EWOULDBLOCK on Linux): WSAEWOULDBLOCK.
 * - EBADF: a descriptor that is not open. Winsock has no descriptors apart
 *   from sockets and reports a handle that is no socket as WSAENOTSOCK ("The
 *   descriptor is not a socket"), so EBADF and ENOTSOCK both become it.
 * An errno with no row (EPIPE, EPERM, ENOMEM…) has no Winsock counterpart
 * and is reported as it is: `errno 32 (EPIPE)`.
 *
 * Names, not numbers: errno numbers differ between systems; koffi's
 * os.errno gives this system's (Node's os.constants.errno lacks some socket
 * errors, ESOCKTNOSUPPORT and ESHUTDOWN among them).
 */
import { WSA_ERRORS, type WsaErrorName } from '../../../language/vocabulary/errors.js';

export const ERRNO_TO_WSA: Readonly<Record<string, WsaErrorName>> = {
  EINTR: 'WSAEINTR',
  EBADF: 'WSAENOTSOCK',
  EACCES: 'WSAEACCES',
  EFAULT: 'WSAEFAULT',
  EINVAL: 'WSAEINVAL',
  EMFILE: 'WSAEMFILE',
  EAGAIN: 'WSAEWOULDBLOCK',
  EWOULDBLOCK: 'WSAEWOULDBLOCK',
  EINPROGRESS: 'WSAEWOULDBLOCK',
  EALREADY: 'WSAEALREADY',
  ENOTSOCK: 'WSAENOTSOCK',
  EDESTADDRREQ: 'WSAEDESTADDRREQ',
  EMSGSIZE: 'WSAEMSGSIZE',
  EPROTOTYPE: 'WSAEPROTOTYPE',
  ENOPROTOOPT: 'WSAENOPROTOOPT',
  EPROTONOSUPPORT: 'WSAEPROTONOSUPPORT',
  ESOCKTNOSUPPORT: 'WSAESOCKTNOSUPPORT',
  EOPNOTSUPP: 'WSAEOPNOTSUPP',
  ENOTSUP: 'WSAEOPNOTSUPP',
  EPFNOSUPPORT: 'WSAEPFNOSUPPORT',
  EAFNOSUPPORT: 'WSAEAFNOSUPPORT',
  EADDRINUSE: 'WSAEADDRINUSE',
  EADDRNOTAVAIL: 'WSAEADDRNOTAVAIL',
  ENETDOWN: 'WSAENETDOWN',
  ENETUNREACH: 'WSAENETUNREACH',
  ENETRESET: 'WSAENETRESET',
  ECONNABORTED: 'WSAECONNABORTED',
  ECONNRESET: 'WSAECONNRESET',
  ENOBUFS: 'WSAENOBUFS',
  EISCONN: 'WSAEISCONN',
  ENOTCONN: 'WSAENOTCONN',
  ESHUTDOWN: 'WSAESHUTDOWN',
  ETOOMANYREFS: 'WSAETOOMANYREFS',
  ETIMEDOUT: 'WSAETIMEDOUT',
  ECONNREFUSED: 'WSAECONNREFUSED',
  ELOOP: 'WSAELOOP',
  ENAMETOOLONG: 'WSAENAMETOOLONG',
  EHOSTDOWN: 'WSAEHOSTDOWN',
  EHOSTUNREACH: 'WSAEHOSTUNREACH',
  ENOTEMPTY: 'WSAENOTEMPTY',
  EPROCLIM: 'WSAEPROCLIM',
  EUSERS: 'WSAEUSERS',
  EDQUOT: 'WSAEDQUOT',
  ESTALE: 'WSAESTALE',
  EREMOTE: 'WSAEREMOTE',
};

/** errno numbers by name on a system; aliases (EAGAIN and EWOULDBLOCK) share a number. */
export type ErrnoNumbers = Readonly<Record<string, number>>;

/** How a failing call's errno is reported, given a system's errno numbers. */
export class ErrnoNames {
  private readonly names: ReadonlyMap<number, readonly string[]>;

  constructor(numbers: ErrnoNumbers) {
    const names = new Map<number, string[]>();
    for (const [name, number] of Object.entries(numbers)) names.set(number, [...(names.get(number) ?? []), name]);
    this.names = names;
  }

  /** The Winsock error name of `errno`, or `errno N (NAME)` for one without a counterpart (`errno N` for a number with no name). */
  describe(errno: number): string {
    const wsa = this.winsockName(errno);
    if (wsa !== undefined) return wsa;
    if (errno === 0) return 'unchanged (errno 0)';
    const name = this.names.get(errno)?.[0];
    return name === undefined ? `errno ${errno}` : `errno ${errno} (${name})`;
  }

  /**
   * An errno held as a value (SO_ERROR): the Winsock error code, so that a case's `value: 10061` holds;
   * 0 stays 0, and one without a counterpart is described as text.
   */
  asWinsockCode(errno: number): number | string {
    if (errno === 0) return 0;
    const wsa = this.winsockName(errno);
    return wsa === undefined ? this.describe(errno) : WSA_ERRORS[wsa];
  }

  private winsockName(errno: number): WsaErrorName | undefined {
    for (const name of this.names.get(errno) ?? []) {
      const wsa = ERRNO_TO_WSA[name];
      if (wsa !== undefined) return wsa;
    }
    return undefined;
  }
}
