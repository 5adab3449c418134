/**
 * How a program of a Wine build is started on a prefix: its command line and
 * Wine's variables. Apart from provisioning, so that what only starts Wine's
 * programs (a repro script's bundle) does not carry it.
 */
import type { CommandLine, WineBuild, WineProgram } from './wine-build.js';

export interface WineEnvironment {
  /** The Wine build that runs everything below. */
  readonly build: WineBuild;
  readonly nodeExe: string;
  /** The koffi package folder to load in the worker (its win32-x64 native part is beside it). */
  readonly koffiDir: string;
  /** The build's own prefix: a prefix one Wine version made is not another's. */
  readonly prefix: string;
}

/**
 * Wine's variables for the environment's programs: its prefix, the build's
 * own (WINELOADER, WINESERVER for a user's build), and WINEDEBUG as the user
 * set it (`+winsock` reaches provider.log), else quiet.
 */
export function wineVariables(environment: WineEnvironment, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return { ...environment.build.variables, WINEPREFIX: environment.prefix, WINEDEBUG: env['WINEDEBUG'] ?? '-all' };
}

/** The command line, and the variables, that run one of the build's programs on the environment's prefix. */
export function wineCommand(environment: WineEnvironment, program: WineProgram, args: readonly string[]): CommandLine & { readonly env: Record<string, string> } {
  return { ...environment.build.command(program, args), env: wineVariables(environment) };
}
