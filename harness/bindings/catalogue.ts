/**
 * The bindings a worker can run, as the host sees them: what each is and
 * what it can do. The runner reads capabilities from here before it starts
 * a case, so a step the binding cannot make is SKIP without starting anything.
 */
import { CAPABILITY_NAMES, type Capability } from '../vocabulary/capabilities.js';

export interface BindingDescription {
  readonly name: BindingName;
  readonly summary: string;
  readonly capabilities: ReadonlySet<Capability>;
}

export const BINDINGS = {
  winsock: {
    name: 'winsock',
    summary: 'Winsock, through ws2_32.dll',
    // Every call of the case language is a Winsock call.
    capabilities: new Set(CAPABILITY_NAMES),
  },
  libc: {
    name: 'libc',
    summary: "POSIX sockets, through the host's libc",
    // POSIX has no per-process start-up, no connect data and no QOS at connect time.
    capabilities: new Set<Capability>(),
  },
} as const satisfies Readonly<Record<string, BindingDescription>>;

export type BindingName = 'winsock' | 'libc';
