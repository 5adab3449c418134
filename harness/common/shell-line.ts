/**
 * A command as a POSIX shell line, for printing what a program runs (as
 * `set -x` does): the line pasted into a shell runs the same command.
 */

/** One word, quoted only when the shell would read it otherwise. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `VAR=value … command args…`: the variables the command gets beyond the caller's own, then the command. */
export function shellLine(command: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): string {
  const variables = Object.entries(env).map(([name, value]) => `${name}=${shellWord(value)}`);
  return [...variables, shellWord(command), ...args.map(shellWord)].join(' ');
}

/** What a program that prints the commands it runs is told before each. */
export type CommandEcho = (line: string) => void;

/** Prints nothing: the harness's own runs record what they do elsewhere. */
export const SILENT: CommandEcho = () => undefined;
