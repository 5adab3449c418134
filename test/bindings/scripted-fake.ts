/**
 * What the fake native libraries (fake-winsock.ts, fake-libc.ts) share: a
 * log of the calls they received, with the arguments as they were on entry,
 * and the behaviours a test scripts for them.
 */

export interface LoggedCall<Recorded extends string> {
  readonly name: Recorded;
  /** The arguments as they were on entry: Buffers and structures are copied, so later writes by the fake do not show. */
  readonly args: readonly unknown[];
}

export abstract class ScriptedFake<Scripted extends string, Recorded extends string, Call extends LoggedCall<Recorded>, Behaviour> {
  readonly calls: Call[] = [];
  protected readonly behaviours = new Map<Scripted, Behaviour>();

  /** Scripts `name`. */
  on(name: Scripted, behaviour: Behaviour): this {
    this.behaviours.set(name, behaviour);
    return this;
  }

  /** The entry arguments of every call of `name`, in order. */
  argsOf(name: Recorded): (readonly unknown[])[] {
    return this.calls.filter((call) => call.name === name).map((call) => call.args);
  }

  /** The entry arguments of the one call of `name`; throws unless there was exactly one. */
  onlyCallOf(name: Recorded): readonly unknown[] {
    const all = this.argsOf(name);
    if (all.length !== 1) throw new Error(`expected exactly one call of ${name}, saw ${all.length}`);
    return all[0] as readonly unknown[];
  }
}

/** The Buffer passed as argument `index` (live); throws if it is not one. */
export function bufferArg(args: readonly unknown[], index: number): Buffer {
  const value = args[index];
  if (!Buffer.isBuffer(value)) throw new Error(`argument ${index} is not a Buffer: ${String(value)}`);
  return value;
}

/** A deep copy of an argument: Buffers copied byte for byte, plain objects field by field. */
export function snapshot(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return Buffer.from(value);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, snapshot(field)]));
  }
  return value;
}
