/**
 * Maps a path into the data of a YAML document (as Ajv and the checks name
 * it: `['cases', 0, 'steps', 2, 'args']`) back to where it is written, so
 * that every problem can say `file:line:column`.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { SourceLocation } from './problem.js';

export type PathSegment = string | number;
export type DataPath = readonly PathSegment[];

interface Found {
  /** The node the path leads to, or the deepest node that exists on the way. */
  readonly node: Node | null;
  /** The key of the last segment, when the path ends inside a mapping. */
  readonly key: Node | null;
  /** Whether the whole path was found. */
  readonly complete: boolean;
}

export class SourceMap {
  constructor(
    private readonly document: Document,
    private readonly lineCounter: LineCounter,
    /** Name of the file in locations (relative to the project root). */
    readonly file: string,
  ) {}

  /** Where the value at `path` starts; for an empty value (`args:` with nothing after it), where its key is. */
  valueAt(path: DataPath): SourceLocation {
    const found = this.find(path);
    const isEmpty = isScalar(found.node) && found.node.value === null && isZeroWidth(found.node);
    const node = found.complete && !isEmpty ? found.node : found.key ?? found.node;
    return this.locationOf(node);
  }

  /** Where the key of the last segment of `path` is written (e.g. an unknown key), else its value. */
  keyAt(path: DataPath): SourceLocation {
    const found = this.find(path);
    return this.locationOf(found.key ?? found.node);
  }

  /** The location of a character offset in the source. */
  locationOfOffset(offset: number): SourceLocation {
    const { line, col } = this.lineCounter.linePos(offset);
    return { file: this.file, line, column: col };
  }

  private locationOf(node: Node | null): SourceLocation {
    return this.locationOfOffset(node?.range?.[0] ?? 0);
  }

  private find(path: DataPath): Found {
    let node: Node | null = this.resolve(this.document.contents);
    let key: Node | null = null;
    for (const segment of path) {
      key = null;
      let next: Node | null | undefined;
      if (isMap(node)) {
        // Compare keys as text: data paths hold strings, but `5:` is a numeric key in YAML.
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
        key = isPair(pair) && isScalar(pair.key) ? pair.key : null;
        next = pair === undefined ? undefined : asNode(pair.value);
      } else if (isSeq(node)) {
        next = asNode(node.items[Number(segment)]);
      }
      if (next === undefined || next === null) return { node, key, complete: false };
      node = this.resolve(next);
    }
    return { node, key, complete: true };
  }

  /** Follows aliases (`*name`) to the node they stand for, so paths can go through them. */
  private resolve(node: unknown): Node | null {
    let current = asNode(node) ?? null;
    for (let hops = 0; isAlias(current) && hops < 100; hops++) {
      current = asNode(current.resolve(this.document)) ?? null;
    }
    return current;
  }
}

function asNode(value: unknown): Node | null | undefined {
  if (value === null) return null;
  return isScalar(value) || isMap(value) || isSeq(value) || isAlias(value) ? value : undefined;
}

function isZeroWidth(node: Node): boolean {
  const range = node.range;
  return range !== undefined && range !== null && range[0] === range[1];
}
