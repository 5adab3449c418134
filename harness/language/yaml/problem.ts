/**
 * A problem found in a case or expectations file. Every problem points at a
 * place in the file, so that editors and terminals can jump to it.
 */

/** Where a node of a YAML file stands, for messages that point at it. */
export interface SourceLocation {
  /** Path of the file, relative to the project root. */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
}

export interface Problem {
  /** Path of the file, relative to the project root. */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  readonly message: string;
}

/** `file:line:column: message`, the form compilers use and terminals link. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}

export function problemAt(location: SourceLocation, message: string): Problem {
  return { file: location.file, line: location.line, column: location.column, message };
}

/** The start of a file, for problems that concern the whole file. */
export function startOf(file: string): SourceLocation {
  return { file, line: 1, column: 1 };
}

/**
 * Orders problems by file (in the order the files were given), then by
 * position, so that a file's problems read top to bottom.
 */
export function sortProblems(problems: readonly Problem[], fileOrder: readonly string[]): Problem[] {
  const rank = (file: string): number => {
    const index = fileOrder.indexOf(file);
    return index === -1 ? fileOrder.length : index;
  };
  return [...problems].sort(
    (a, b) => rank(a.file) - rank(b.file) || a.line - b.line || a.column - b.column,
  );
}
