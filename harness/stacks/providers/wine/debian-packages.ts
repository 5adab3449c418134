/** Debian's Wine packages, and reading which version of one is installed. */
import { run } from '../provisioning/commands.js';

/** The packages that make a Wine able to run 64-bit Windows programs (wine brings the loader's wrappers). */
export const WINE_PACKAGES = ['wine64', 'wine'] as const;

/** The installed version of `name`, as dpkg-query reports it, run through `prefix` (e.g. a command that enters a root file system). */
export async function debianPackageVersion(prefix: readonly string[], name: string): Promise<string> {
  const [command = 'dpkg-query', ...args] = [...prefix, 'dpkg-query', '-W', '-f=${Version}', name];
  return (await run(command, args).catch(() => 'unknown version')).trim();
}
