/**
 * The bindings a worker can run, as the host sees them: what each is and
 * what it can do. The runner reads capabilities from here before it starts
 * a case, so a step the binding cannot make is SKIP without starting anything;
 * each binding's table of calls (binding-table.ts) is checked against them.
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

/** What each binding can express, as lists the compiler reads: a binding's table may lack only what is missing here. */
const CAPABILITIES_OF = {
  // Every call of the case language is a Winsock call.
  winsock: CAPABILITY_NAMES,
  // POSIX has no per-process start-up, no connect data, no QOS at connect time, no event objects or windows, no socket groups, no APCs.
  libc: [],
} as const satisfies { readonly [B in BindingName]: readonly Capability[] };

/** The capabilities binding B claims. */
export type CapabilityOf<B extends BindingName> = (typeof CAPABILITIES_OF)[B][number];

export const BINDINGS = {
  winsock: {
    name: 'winsock',
    summary: 'Winsock, through ws2_32.dll',
    capabilities: new Set<Capability>(CAPABILITIES_OF.winsock),
    families: () => WINSOCK_FAMILIES,
  },
  libc: {
    name: 'libc',
    summary: "POSIX sockets, through the host's libc",
    capabilities: new Set<Capability>(CAPABILITIES_OF.libc),
    // The host's: asked only when a case runs, so that a host without a table fails there, with the reason.
    families: () => hostFamilies(hostAbi()),
  },
} as const satisfies { readonly [B in BindingName]: BindingDescription & { readonly name: B } };

export type BindingName = 'winsock' | 'libc';
