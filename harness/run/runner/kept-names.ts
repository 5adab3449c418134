/**
 * Names a case has defined so far (its peers, and the `as` of earlier steps),
 * and the resolution of `$name.path` references against them.
 */
import type { Value } from '../../language/cases/case.js';
import { parseReference } from '../../language/cases/value-references.js';

/** A reference could not be resolved while the case ran (the loader checks names, not paths). */
export class UnresolvedReference extends Error {}

export class KeptNames {
  private readonly values = new Map<string, unknown>();

  define(name: string, value: unknown): void {
    this.values.set(name, value);
  }

  /** A copy of `value` with every reference replaced by what it names; `$$` stands for `$`. */
  resolve(value: Value | undefined): unknown {
    if (typeof value === 'string') return this.resolveString(value);
    if (Array.isArray(value)) return value.map((item: Value) => this.resolve(item));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.resolve(item)]));
    }
    return value;
  }

  private resolveString(text: string): unknown {
    if (text.startsWith('$$')) return text.slice(1);
    const reference = parseReference(text);
    if (!reference) return text;
    if (!this.values.has(reference.name)) throw new UnresolvedReference(`${text}: nothing is named ${reference.name} yet`);
    let current: unknown = this.values.get(reference.name);
    for (const key of reference.path) {
      if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) {
        throw new UnresolvedReference(`${text}: ${JSON.stringify(current)} has no ${key}`);
      }
      current = (current as Record<string, unknown>)[key];
    }
    return current;
  }
}
