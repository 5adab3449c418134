/**
 * A standalone repro script of one case, for a bug report: a readable header
 * (the case, its clauses with their quotes, its peers, its steps with what
 * the page documents, how to run it), the case's data (repro-data.ts), and
 * the harness's own code that makes the calls, bundled at build time
 * (standalone.ts, runtime-bundle.ts) — Node and koffi alone, no harness. A
 * case the script cannot reproduce on its own (a peer Windows cannot make,
 * the run's private network) gets the reason instead, and no script.
 *
 * The script is CommonJS, so `node repro.cjs` runs it anywhere.
 */
import type { PeerKindEntry } from '../../../fixtures/catalogue.js';
import { PEER_KINDS } from '../../../fixtures/catalogue.js';
import { loopbackAddress } from '../../../fixtures/peer.js';
import { documentedOutcomes, type Case } from '../../language/cases/case.js';
import { describeCall, describeExpected } from '../../judging/results/describe-outcome.js';
import { CONFIGURATION } from '../../run/private-network/private-network.js';
import { shellLine } from '../../common/shell-line.js';
import { windowsPath } from '../../stacks/providers/wine/paths.js';
import { reproData, type PrivateWine } from './repro-data.js';
import { readRuntimeBundle, RUNTIME_GLOBAL } from './runtime-bundle.js';
import { clauseName } from '../../language/clauses/clause.js';
import { isMadeByHarness } from '../../run/runner/step-check.js';

export interface ScriptOptions {
  readonly provider: string;
  readonly harnessVersion: string;
  /** How to run the script here, for its header: `node repro.cjs`, or the Wine command line. */
  readonly runHint: string;
  /** For the wine provider: the Wine a case of the private network runs under, in the namespace the script makes. */
  readonly privateWine?: PrivateWine;
}

/** The script, or why this case cannot be reproduced standalone. */
export type ReproScript = { readonly script: string } | { readonly unavailable: string };

export function reproScript(testCase: Case, options: ScriptOptions): ReproScript {
  const unavailable = whyNotStandalone(testCase, options);
  if (unavailable !== undefined) return { unavailable: `case ${testCase.id} ${unavailable}. Run the case with the harness: winsock-conformance run --grep ${testCase.id}` };
  return {
    script: [
      '#!/usr/bin/env node',
      header(testCase, options),
      "'use strict';",
      '',
      '// The case: its peers, and its steps as the case file writes them; references ($name) are resolved as the steps run.',
      `const REPRO = ${JSON.stringify(reproData(testCase, options.privateWine), null, 2)};`,
      '',
      '// What makes the calls: the harness\'s own modules (the Winsock binding, the call declarations, the runner\'s step code, the peers), bundled.',
      readRuntimeBundle().trimEnd(),
      '',
      `${RUNTIME_GLOBAL}.main(REPRO);`,
      '',
    ].join('\n'),
  };
}

/** Why the script could not reproduce the case on its own, or undefined. */
function whyNotStandalone(testCase: Case, options: ScriptOptions): string | undefined {
  // The case file's reason may run over several lines: the refusal is one.
  if (testCase.excluded !== undefined) return `is a variation its case excludes, which a run reports SKIP without making a call: ${testCase.excluded.trim().replace(/\s+/g, ' ')}`;
  if (testCase.network === 'private' && options.privateWine === undefined) {
    return `runs in the run's private network, a Linux network namespace where only part of 127.0.0.0/8 is local and an unanswered connect gives up after one retry, which the ${options.provider} provider's machine cannot make (its script is for Wine: winsock-conformance repro ${testCase.id} --provider wine, run as root on Linux)`;
  }
  if (testCase.network === 'private') {
    // Its peers run in the namespace's Linux process, as a run's do; the steps under Wine cannot ask that process for datagrams.
    const asking = testCase.steps.find((step) => isMadeByHarness(step));
    return asking === undefined ? undefined : `observes its peers (step ${asking.id}: ${asking.call}), which its script starts in the private network's Linux process, where the steps under Wine cannot ask them`;
  }
  for (const peer of testCase.peers) {
    // A repro script calls ws2_32, so it runs on Windows (or Wine), where its peers run too.
    const entry: PeerKindEntry = PEER_KINDS[peer.kind];
    if (entry.unavailableOnWindows !== undefined) return `needs the peer "${peer.name}", a ${peer.kind}, which a script cannot make where it runs: ${entry.unavailableOnWindows}`;
  }
  return undefined;
}

function header(testCase: Case, options: ScriptOptions): string {
  const steps = testCase.steps.map((step) => ` *   ${step.id}: ${describeCall(step.call, step.args)} — documented: ${step.expect === undefined ? 'success (a set-up step)' : describeExpected(documentedOutcomes(step) ?? [])}`);
  const peers = testCase.peers.map((peer) => ` *   ${peer.name}: ${peer.kind} on ${loopbackAddress(peer.family)}`);
  const network = options.privateWine === undefined || testCase.network === 'loopback' ? [] : privateNetworkLines(testCase, options.privateWine);
  const lines = [
    ` * Repro of ${testCase.id}: ${testCase.title}`,
    ` * Case: ${testCase.location.file}:${testCase.location.line}. Clauses it cites (page/clause): ${testCase.clauses.map(clauseName).join(', ')}.`,
    ...testCase.clauses.map((clause) => ` *   ${clauseName(clause)}: "${clause.quote}"`),
    testCase.network === 'private' ? " * Peers (started by this script in the namespace, with Linux's sockets, as a run starts them):" : ' * Peers (started in a child process of this script):',
    ...(peers.length === 0 ? [' *   none'] : peers),
    ' * Steps:',
    ...steps,
    ` * Written by winsock-conformance ${options.harnessVersion} for the ${options.provider} provider. It needs Node and koffi only.`,
    ...(network.length === 0 ? [` * Run: ${options.runHint}`] : network),
    ' * It prints the environment, then each call with what it observed and what the page documents, and last',
    " * one JSON line: each step's check as results.jsonl records it. A call that never returns blocks it; one that returns",
    " * past the case's time limit differs, and the script stops there, where a run stops the case (TIMEOUT).",
    ' * Exit status 0 when every step is as documented, 1 otherwise, 2 when it could not run.',
    ' * Below the case data is the harness code that makes the calls, bundled (generated; do not edit).',
  ];
  // Case text must not end the comment early.
  return ['/*', ...lines.map((line) => line.replace(/\*\//g, '* /').replace(/[\r\n]+/g, ' ')), ' */'].join('\n');
}

/** How the script of a private case runs: what it needs, what it does, in order. */
function privateNetworkLines(testCase: Case, wine: PrivateWine): string[] {
  const ports = testCase.ephemeralPorts === undefined ? [] : [` *   5. narrows the namespace's ephemeral ports to ${testCase.ephemeralPorts.first}-${testCase.ephemeralPorts.last} while the steps run, as the run does for this case`];
  return [
    " * The case runs in the run's private network. Run, as root on Linux (Node 20 or later, unshare, ip, mount):  node repro.cjs [KOFFI]",
    " * It needs the Wine provider's cache as winsock-conformance left it (a run of a private case makes its private prefix):",
    ` *   the Wine build ${wine.build.name}, Windows Node ${wine.nodeExe}, koffi ${wine.koffiDir}, the private prefix ${wine.prefix};`,
    ` *   and for its peers a koffi for Linux's Node: KOFFI, else ${wine.linuxKoffi}.`,
    ' * It does what a run does for its private cases, with the harness\'s own code, and prints each command (after "+ ", on stderr):',
    ' *   1. enters new network and mount namespaces: unshare --net --mount -- node repro.cjs …',
    ` *   2. makes the private network: ${CONFIGURATION.map(([command = 'ip', ...args]) => shellLine(command, args)).join('; ')}; then the SYN retries and the bound on retransmissions`,
    ' *   3. starts a wineserver of its own there, on an overlay of the private prefix on a tmpfs (so no other run\'s server serves it)',
    " *   4. proves the isolation with the run's canary: under Wine, a connect to a listener in the namespace must succeed and one to a listener outside must fail",
    ...ports,
    ` *   ${ports.length === 0 ? 5 : 6}. runs the steps under Wine: the same script, as  ${shellLine(wine.build.programs.loader.command, [...wine.build.programs.loader.args, wine.nodeExe, 'repro.cjs', windowsPath(wine.koffiDir), 'case'])}`,
    ' * and ends the wineserver on every path; the namespace and its mounts end with the script.',
  ];
}
