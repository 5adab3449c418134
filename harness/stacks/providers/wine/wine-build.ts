/**
 * A build of Wine the provider runs Windows Node with: its loader (the
 * `wine`/`wine64` program that starts a Windows program) and its wineserver
 * (where Wine's sockets live), how to install or check it, and how to start
 * one of its programs. Builds differ in behaviour (Wine 8.0 and Wine 10.0 do
 * not connect alike), so each has prefixes of its own in the cache and is
 * named in the results of every run it makes.
 */

import type { ProviderBuild } from '../provider.js';

export type Log = (line: string) => void;

/** One of a build's programs: the loader, or the wineserver. */
export type WineProgram = 'loader' | 'server';

export interface CommandLine {
  readonly command: string;
  readonly args: readonly string[];
}

export interface WineBuild {
  /** As `--wine` names it. */
  readonly name: string;
  /** The folder of its prefixes in the cache, one name per build. */
  readonly key: string;
  /** Installs the build when it can (as root), or checks that it runs; throws ProviderUnavailable saying what to do. */
  /** Its version is asked of its loader afterwards (provision.ts), the same way for every build. */
  prepare(log: Log): Promise<Omit<ProviderBuild, 'version'>>;
  /**
   * The command line that runs `program` with `args`. The folders in
   * `shared` (the cache, the project's files) must be seen by the program at
   * the same paths: a build that runs in a root file system of its own binds
   * them into it.
   */
  command(program: WineProgram, args: readonly string[], shared: readonly string[]): CommandLine;
  /** Variables Wine itself reads to find this build's programs (WINELOADER, WINESERVER), when it needs them. */
  readonly variables: Readonly<Record<string, string>>;
}
