/**
 * Reads a call's arguments as the runner sends them (references resolved,
 * constants still by name) into the values the declaration's kinds promise,
 * each with the reader of its kind (kinds/). The schema has checked the case
 * already, numbers against the same bounds (bounds.ts); these checks catch
 * what only the resolved values show (a reference to the wrong kind of
 * thing, or to a number out of range).
 */
import type { ArgSpecs, CallArgs } from './declaration.js';
import { kindNamed } from './kinds/index.js';
import { ArgumentError, type ConstantResolver } from './kinds/kind.js';

export { ArgumentError, type ConstantResolver } from './kinds/kind.js';
export { INVALID_SOCKET } from './kinds/handles.js';
export { QOS_NOT_SPECIFIED } from './kinds/qos.js';
export { asSocketAddress } from './kinds/socket-address.js';

export type RawArgs = Readonly<Record<string, unknown>>;

export function readArgs<A extends ArgSpecs>(specs: A, raw: RawArgs, constant: ConstantResolver): CallArgs<A> {
  const unknown = Object.keys(raw).filter((name) => !Object.hasOwn(specs, name));
  if (unknown.length > 0) throw new ArgumentError(`unknown argument ${unknown.join(', ')}`);
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const value = raw[name];
    if (value === undefined) {
      if (spec.required) throw new ArgumentError(`argument ${name} is missing`);
      continue;
    }
    values[name] = kindNamed(spec.kind).read(value, name, constant, spec.bounds);
  }
  // Each value was read by the reader of its spec's kind, which is what CallArgs<A> says it is.
  return values as CallArgs<A>;
}
