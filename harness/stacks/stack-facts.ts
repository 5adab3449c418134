/**
 * What the provider's worker says of the stack it calls, field by field, so
 * that runs can be told apart and grouped: by Windows build, by Wine version,
 * by kernel. A field is there when the stack tells it.
 */

/** What can implement the sockets, by the name results give it: the one list StackKind and the results schema derive from. */
export const STACK_KINDS = {
  windows: "Windows' own Winsock",
  wine: "Wine's ws2_32, over the host's kernel",
  posix: "the host's kernel, through libc",
  unknown: 'a stack whose worker did not describe it',
} as const;

export type StackKind = keyof typeof STACK_KINDS;

export const STACK_KIND_NAMES = Object.keys(STACK_KINDS) as StackKind[];

export interface StackFacts {
  /** What implements the sockets (STACK_KINDS). */
  readonly kind: StackKind;
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
