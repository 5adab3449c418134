/**
 * What the provider's worker says of the stack it calls, field by field, so
 * that runs can be told apart and grouped: by Windows build, by Wine version,
 * by kernel. A field is there when the stack tells it.
 */
export interface StackFacts {
  /** What implements the sockets: Windows' own Winsock, Wine's ws2_32 over the host's kernel, or the host's kernel through libc. */
  readonly kind: 'windows' | 'wine' | 'posix' | 'unknown';
  /** Windows' version as the stack reports it (`10.0.22631`); under Wine, what the prefix reports. */
  readonly windowsVersion?: string;
  /** The build number of that version (`22631`). */
  readonly windowsBuild?: number;
  /** The product name (`Windows 11 Pro`); under Wine, the one in the prefix's registry. */
  readonly windowsEdition?: string;
  /** Wine's version (`8.0`) and its build (`wine-8.0 (Debian 8.0~repack-4)`). */
  readonly wineVersion?: string;
  readonly wineBuild?: string;
  /** The kernel the calls end in (`Linux 6.1.0-18-amd64`): the posix provider's, or the host's under Wine. */
  readonly kernel?: string;
  /** The C library of the posix provider (`glibc 2.36`). */
  readonly libc?: string;
}
