/**
 * The Wine builds `--wine` names: the host's (the default), the ones the
 * harness makes by itself (debian-13), or the user's at a path. Without
 * `--wine`, Wine's own WINELOADER (or WINE) names the user's build, as it
 * would for Wine itself.
 */
import { didYouMean } from '../../../language/yaml/suggest.js';
import { ProviderUnavailable } from '../provider.js';
import { DEBIAN_RELEASES, debianRootWine } from './debian-root-wine.js';
import { HOST_WINE } from './host-wine.js';
import { userWine, userWineAt, userWineFromEnvironment } from './user-wine.js';
import type { WineBuild } from './wine-build.js';

/** The builds known by name, the host's first. */
export const WINE_BUILD_NAMES: readonly string[] = [HOST_WINE.name, ...DEBIAN_RELEASES.map((release) => release.name)];

/** The build `choice` names (a name, or a path: it has a `/`), or the default one when it is undefined. */
export function wineBuildNamed(choice: string | undefined, cacheDir: string, env: NodeJS.ProcessEnv = process.env): WineBuild {
  if (choice === undefined) {
    const fromEnvironment = userWineFromEnvironment(env);
    return fromEnvironment === undefined ? HOST_WINE : userWine(fromEnvironment);
  }
  if (choice === HOST_WINE.name) return HOST_WINE;
  const release = DEBIAN_RELEASES.find((candidate) => candidate.name === choice);
  if (release !== undefined) return debianRootWine(release, cacheDir);
  if (choice.includes('/')) return userWine(userWineAt(choice, env));
  throw new ProviderUnavailable(
    `--wine ${choice}: no Wine build has that name${didYouMean(choice, WINE_BUILD_NAMES)}; give one of ${WINE_BUILD_NAMES.join(', ')}, or the path of a Wine installation or build tree (with a /, e.g. ./${choice})`,
  );
}
