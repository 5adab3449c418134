/**
 * A Wine build written down as data: the command lines of its two programs
 * as they are on this machine, so that a program elsewhere (a repro script)
 * starts them exactly as the provider does, without the code that found
 * them. Every build's command(program, args) is a fixed command line with
 * the arguments appended (wine-build.ts), which is what is kept.
 */
import { ProviderUnavailable } from '../provider.js';
import type { CommandLine, WineBuild, WineProgram } from './wine-build.js';

export interface FixedWineBuild {
  readonly name: string;
  readonly key: string;
  readonly variables: Readonly<Record<string, string>>;
  readonly programs: Readonly<Record<WineProgram, CommandLine>>;
}

export function fixedWineBuild(build: WineBuild): FixedWineBuild {
  return { name: build.name, key: build.key, variables: build.variables, programs: { loader: build.command('loader', []), server: build.command('server', []) } };
}

/** The build again, able to start its programs; it cannot be prepared (installed, checked) any more: that was done where it was written down. */
export function wineBuildOf(fixed: FixedWineBuild): WineBuild {
  return {
    name: fixed.name,
    key: fixed.key,
    variables: fixed.variables,
    prepare: () => Promise.reject(new ProviderUnavailable(`the Wine build ${fixed.name} was prepared where its command lines were written down, not here`)),
    command: (program, args) => ({ command: fixed.programs[program].command, args: [...fixed.programs[program].args, ...args] }),
  };
}
