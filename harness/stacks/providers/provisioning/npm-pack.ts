/**
 * Fetching one package's tarball from the npm registry with `npm pack`: the
 * packages the cache holds are marked os: win32, so `npm install` refuses
 * them here, while `npm pack` fetches them as they are — and checks each
 * tarball against the registry's integrity (dist.integrity) as it does.
 */
import { dirname, join } from 'node:path';
import { CommandFailed, firstLine, run } from './commands.js';

export interface PackedTarball {
  readonly file: string;
  /** The registry's sha512 of the tarball (Subresource Integrity form), which npm checked. */
  readonly integrity: string;
}

/** npm could not fetch the package; the message is npm's own one-line summary. */
export class FetchFailed extends Error {}

export async function npmPack(spec: string, destination: string): Promise<PackedTarball> {
  let printed: string;
  try {
    const [command, ...npmArgs] = npmCommand();
    printed = await run(command, [...npmArgs, 'pack', spec, '--pack-destination', destination, '--json']);
  } catch (error) {
    if (error instanceof CommandFailed) throw new FetchFailed(`npm pack ${spec}: ${npmSummary(error)}`);
    throw error;
  }
  const [packed] = JSON.parse(printed) as { filename: string; integrity: string }[];
  if (packed === undefined) throw new FetchFailed(`npm pack ${spec} printed no tarball`);
  return { file: join(destination, packed.filename), integrity: packed.integrity };
}

/**
 * npm as a command line. On Windows npm is `npm.cmd`, which Node starts only
 * through a shell (and its quoting); the npm beside Windows Node is npm's own
 * JavaScript, run by this very Node instead.
 */
function npmCommand(): readonly [string, ...string[]] {
  if (process.platform !== 'win32') return ['npm'];
  return [process.execPath, join(dirname(process.execPath), 'node_modules', 'npm', 'bin', 'npm-cli.js')];
}

/** With --json, npm prints its error as JSON on stdout (`error.summary`); its stderr is a page of `npm error` lines. */
function npmSummary(failure: CommandFailed): string {
  try {
    const { error } = JSON.parse(failure.stdout) as { error?: { summary?: string } };
    if (error?.summary) return firstLine(error.summary);
  } catch {
    // Not JSON: npm failed before it could say why in its own terms.
  }
  return failure.summary;
}
