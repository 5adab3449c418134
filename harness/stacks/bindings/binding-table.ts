/**
 * A binding's table of the provider calls, checked by the compiler: for each
 * call of the case language made in the provider (harness/language/calls/),
 * either how the binding makes it or the capability it lacks for it — and it
 * may lack only a capability the call's declaration says it needs and the
 * binding does not claim (catalogue.ts). A new call is a compile error in
 * every table until each binding decides; a call that needs nothing must be
 * made by every binding.
 */
import type { CapabilityNeededBy, ProviderCallName } from '../../language/calls/index.js';
import type { Capability } from '../../language/vocabulary/capabilities.js';

/** The binding cannot make the call, for want of this capability; the runner SKIPs its cases before they start. */
export interface Lacking<C extends Capability> {
  readonly lacks: C;
}

/** `Made`: how the binding makes a call; `Has`: the capabilities the binding claims. */
export type BindingTable<Made, Has extends Capability> = {
  readonly [N in ProviderCallName]: Made | Lacking<Exclude<CapabilityNeededBy<N>, Has>>;
};

export function lacking<C extends Capability>(capability: C): Lacking<C> {
  return { lacks: capability };
}

export function isLacking<Made extends object>(entry: Made | Lacking<Capability>): entry is Lacking<Capability> {
  return 'lacks' in entry;
}
