/**
 * What real Windows does at a documented step of a case, as
 * references/windows.yaml records it (README, "The Windows reference"): the
 * outcome, the Windows versions, and the public source that asserts it.
 */
import type { Outcome, SourceLocation } from '../../language/cases/case.js';

/** A test that ran on Windows: Wine's conformance tests, pinned to a release or a commit. */
export interface ReferenceSource {
  readonly project: 'wine';
  /** The test function: `test_broadcast`. */
  readonly function: string;
  /** `dlls/ws2_32/tests/sock.c`. */
  readonly file: string;
  /** `14241-14242`. */
  readonly lines: string;
  /** A release tag (`wine-10.0`) or a commit; at least one. */
  readonly release?: string;
  readonly commit?: string;
  /**
   * `interactive`: the test makes the assertion only when run interactively, on a developer's Windows, so no
   * unattended test machine checks it; absent, every run of the test does.
   */
  readonly runs?: 'interactive';
  /** The assertion, verbatim. */
  readonly quote: string;
}

export interface WindowsReference {
  readonly case: string;
  readonly step: string;
  /** What Windows does: the alternatives the source allows (usually one). */
  readonly windows: readonly Outcome[];
  /** Which Windows versions, in words. */
  readonly versions: string;
  readonly source: ReferenceSource;
  /** How the source's setting differs from the case's, when it does. */
  readonly note?: string;
  /** Where the entry is written. */
  readonly location: SourceLocation;
}

const PROJECT_TREES = { wine: 'https://gitlab.winehq.org/wine/wine/-/blob' } as const;

/** The quoted lines in the project's public tree: `https://gitlab.winehq.org/wine/wine/-/blob/wine-10.0/dlls/ws2_32/tests/sock.c#L14241-14242`. */
export function sourceUrl(source: ReferenceSource): string {
  const revision = source.commit ?? source.release ?? '';
  return `${PROJECT_TREES[source.project]}/${revision}/${source.file}#L${source.lines}`;
}

/** `wine-10.0 dlls/ws2_32/tests/sock.c:14241-14242 (test_broadcast)`. */
export function describeSource(source: ReferenceSource): string {
  const revision = source.release ?? `${source.project} ${source.commit?.slice(0, 12) ?? ''}`;
  return `${revision} ${source.file}:${source.lines} (${source.function}${source.runs === 'interactive' ? ', run interactively only' : ''})`;
}
