/**
 * The bindings a worker can run, as the host sees them: what each is and
 * what it can do. The runner reads capabilities from here before it starts
 * a case, so a step the binding cannot make is SKIP without starting anything.
 */
import { hostAbi, hostFamilies } from '../../common/net/host-abi.js';
import { WINSOCK_FAMILIES, type FamilyNumbers } from '../../common/net/sockaddr.js';
import { CAPABILITY_NAMES, type Capability } from '../../language/vocabulary/capabilities.js';

export interface BindingDescription {
  readonly name: BindingName;
  readonly summary: string;
  readonly capabilities: ReadonlySet<Capability>;
  /** The family numbers of the socket addresses the binding passes: the traffic guard reads their bytes by them. */
  families(): FamilyNumbers;
}

export const BINDINGS = {
  winsock: {
    name: 'winsock',
    summary: 'Winsock, through ws2_32.dll',
    // Every call of the case language is a Winsock call.
    capabilities: new Set(CAPABILITY_NAMES),
    families: () => WINSOCK_FAMILIES,
  },
  libc: {
    name: 'libc',
    summary: "POSIX sockets, through the host's libc",
    // POSIX has no per-process start-up, no connect data and no QOS at connect time.
    capabilities: new Set<Capability>(),
    // The host's: asked only when a case runs, so that a host without a table fails there, with the reason.
    families: () => hostFamilies(hostAbi()),
  },
} as const satisfies Readonly<Record<string, BindingDescription>>;

export type BindingName = 'winsock' | 'libc';
