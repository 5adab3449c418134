/**
 * A standalone repro script of one case, for a bug report: it makes the
 * case's calls on ws2_32 through koffi and prints what each observed beside
 * what the page documents, with the environment's fingerprint — Node and
 * koffi alone, no harness. The peers it can start itself (a TCP listener and
 * a UDP peer with Node's net and dgram, a closed port with a bound socket)
 * run in a child process, so that a blocking call cannot stop them; a peer it
 * cannot make is said plainly, and nothing runs.
 *
 * The script is CommonJS, so `node repro.cjs` runs it anywhere. Its runtime
 * is printed from harness/uses/repro/runtime.ts, its data (steps, peers, koffi
 * prototypes, error names) from the case and the call declarations.
 */
import { documentedOutcomes, type Case, type PeerSpec, type Step, type Value } from '../../language/cases/case.js';
import { callNamed, isProviderCall } from '../../language/calls/index.js';
import type { ArgKind } from '../../language/calls/declaration.js';
import { QOS_NOT_SPECIFIED } from '../../language/calls/arguments.js';
import { describeCall, describeExpected } from '../../judging/results/describe-outcome.js';
import { CONSTANT_GROUPS, winsockConstant, type ConstantGroup } from '../../language/vocabulary/constants.js';
import { WSA_ERRORS } from '../../language/vocabulary/errors.js';
import * as runtime from './runtime.js';
import type { ReproPeer, ReproStep } from './runtime.js';

/** The runtime's functions, in the order the script defines them. */
const RUNTIME_FUNCTIONS = [
  runtime.openWinsock,
  runtime.observeInt,
  runtime.observeSocket,
  runtime.encodeName,
  runtime.keepToLoopback,
  runtime.decodeName,
  runtime.withNameOut,
  runtime.matches,
  runtime.resolve,
  runtime.handleOf,
  runtime.withData,
  runtime.fdSet,
  runtime.qosStruct,
  runtime.runPeers,
  runtime.runSteps,
  runtime.cleanUp,
  runtime.fingerprint,
];

const STANDALONE_PEERS: ReadonlySet<string> = new Set<ReproPeer['kind']>(['tcp-listener', 'udp-peer', 'closed-port']);

const FLOWSPEC_FIELDS = ['tokenRate', 'tokenBucketSize', 'peakBandwidth', 'latency', 'delayVariation', 'serviceType', 'maxSduSize', 'minimumPolicedSize'] as const;

export interface ScriptOptions {
  readonly provider: string;
  readonly harnessVersion: string;
  /** How to run the script here, for its header: `node repro.cjs`, or the Wine command line. */
  readonly runHint: string;
}

/** The script, or why this case cannot be reproduced standalone. */
export type ReproScript = { readonly script: string } | { readonly unavailable: string };

export function reproScript(testCase: Case, options: ScriptOptions): ReproScript {
  const peer = testCase.peers.find((spec) => !STANDALONE_PEERS.has(spec.kind));
  if (peer !== undefined) {
    return {
      unavailable: `case ${testCase.id} needs the peer "${peer.name}", a ${peer.kind}, which a standalone script cannot make: Node's net module accepts every connection it queues, so it cannot hold a listener whose backlog is full and never drained, and on Windows such a listener refuses instead of leaving the connect pending. Run the case with the harness: winsock-conformance run --grep ${testCase.id}`,
    };
  }
  const declarations = testCase.steps.map((step) => callNamed(step.call)).filter((call) => call !== undefined);
  const providerCalls = [...new Set(declarations.filter(isProviderCall))];
  const prototypes = [...new Set(providerCalls.flatMap((call) => call.winsock.functions))];
  const structs = Object.fromEntries(providerCalls.flatMap((call) => Object.entries(call.winsock.structs ?? {})));
  const callNames = [...new Set(providerCalls.map((call) => call.name))];
  const errorNames = Object.fromEntries(Object.entries(WSA_ERRORS).map(([name, code]) => [String(code), name]));
  return {
    script: [
      '#!/usr/bin/env node',
      header(testCase, options),
      "'use strict';",
      '',
      `const CASE_ID = ${JSON.stringify(testCase.id)};`,
      `const PEERS = ${json(testCase.peers.map(reproPeer))};`,
      `const STEPS = ${json(testCase.steps.map(reproStep))};`,
      `const PROTOTYPES = ${json(prototypes)};`,
      `const STRUCTS = ${json(structs)};`,
      `const WSA_ERROR_NAMES = ${JSON.stringify(errorNames)};`,
      '',
      ...RUNTIME_FUNCTIONS.map((fn) => `${fn.toString()}\n`),
      `const REPRO_CALLS = {\n${callNames.map((name) => `  ${JSON.stringify(name)}: ${String(runtime.REPRO_CALLS[name])},`).join('\n')}\n};`,
      '',
      MAIN,
    ].join('\n'),
  };
}

function header(testCase: Case, options: ScriptOptions): string {
  const steps = testCase.steps.map((step) => ` *   ${step.id}: ${describeCall(step.call, step.args)} — documented: ${describeExpected(documentedOutcomes(step) ?? [])}`);
  const peers = testCase.peers.map((peer) => ` *   ${peer.name}: ${peer.kind} on ${peer.family === 'AF_INET6' ? '::1' : '127.0.0.1'}`);
  const lines = [
    ` * Repro of ${testCase.id}: ${testCase.title}`,
    ` * Case: ${testCase.location.file}:${testCase.location.line}. Clauses of the WSAConnect page: ${testCase.clauses.map((clause) => clause.id).join(', ')}.`,
    ...testCase.clauses.map((clause) => ` *   ${clause.id}: "${clause.quote}"`),
    ' * Peers (started in a child process of this script):',
    ...(peers.length === 0 ? [' *   none'] : peers),
    ' * Steps:',
    ...steps,
    ` * Written by winsock-conformance ${options.harnessVersion} for the ${options.provider} provider. It needs Node and koffi only.`,
    ` * Run: ${options.runHint}`,
    ' * It prints the environment, then each call with what it observed and what the page documents;',
    ' * exit status 0 when every step is as documented, 1 otherwise.',
  ];
  // Case text must not end the comment early.
  return ['/*', ...lines.map((line) => line.replace(/\*\//g, '* /').replace(/[\r\n]+/g, ' ')), ' */'].join('\n');
}

function reproPeer(spec: PeerSpec): ReproPeer {
  return { name: spec.name, kind: spec.kind as ReproPeer['kind'], family: spec.family };
}

function reproStep(step: Step): ReproStep {
  const declaration = callNamed(step.call);
  const specs = declaration?.args ?? {};
  const args = Object.fromEntries(Object.entries(step.args).map(([name, value]) => [name, prepared(specs[name]?.kind, value)]));
  const documented = documentedOutcomes(step);
  return {
    id: step.id,
    call: step.call,
    args,
    ...(step.as === undefined ? {} : { as: step.as }),
    keeps: declaration?.creates === 'socket' ? 'socket' : 'observation',
    ...(documented === undefined ? {} : { expect: documented }),
  };
}

/** An argument as the script passes it: constants by Winsock's number, a version as its WORD, a QOS with every field; references as written. */
function prepared(kind: ArgKind | undefined, value: Value): Value {
  if (typeof value === 'string' && value.startsWith('$') && !value.startsWith('$$')) return value;
  if (kind !== undefined && (CONSTANT_GROUPS as readonly string[]).includes(kind) && typeof value === 'string') {
    return winsockConstant(kind as ConstantGroup, value) ?? value;
  }
  if (kind === 'winsockVersion' && typeof value === 'string') {
    const [major = 0, minor = 0] = value.split('.').map(Number);
    return major | (minor << 8);
  }
  if (kind === 'qos' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as { readonly [key: string]: Value };
    const whole = (spec: Value | undefined) => Object.fromEntries(FLOWSPEC_FIELDS.map((field) => [field, (spec as Record<string, Value> | undefined)?.[field] ?? QOS_NOT_SPECIFIED]));
    return { sending: whole(record['sending']), receiving: whole(record['receiving']) };
  }
  return value;
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** The script's entry: the peers' process, or the case. */
const MAIN = `function print(line) {
  // Node for Windows under Wine cannot write to a pipe through process.stdout; a plain write on descriptor 1 works.
  require('node:fs').writeSync(1, line + '\\n');
}

async function main() {
  if (process.argv[2] === 'peers') return runPeers(PEERS, process.argv[3]);
  const koffiPath = process.argv[2] || 'koffi';
  const koffi = require(koffiPath);
  print('repro of ' + CASE_ID);
  for (const line of fingerprint(koffi)) print(line);
  const names = new Map();
  let peers;
  if (PEERS.length > 0) {
    peers = require('node:child_process').fork(__filename, ['peers', koffiPath], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const ready = await new Promise((resolve, reject) => {
      peers.once('message', resolve);
      peers.once('exit', (code) => reject(new Error('the peers process ended (' + code + ') before its peers were ready')));
    });
    for (const [name, address] of Object.entries(ready.ready)) {
      names.set(name, address);
      print('peer ' + name + ': ' + JSON.stringify(address));
    }
  }
  const askDatagrams = (peer, count) =>
    new Promise((resolve) => {
      peers.once('message', (answer) => resolve({ returns: answer.datagrams.length, datagrams: answer.datagrams }));
      peers.send({ datagrams: peer, count });
    });
  const ws = openWinsock(koffi, PROTOTYPES, STRUCTS, WSA_ERROR_NAMES);
  let different;
  try {
    different = await runSteps(ws, STEPS, REPRO_CALLS, names, askDatagrams, print);
  } finally {
    cleanUp(ws);
    if (peers !== undefined) peers.disconnect();
  }
  print(different === 0 ? 'every step as documented' : different + ' step(s) differ from what the page documents');
  process.exitCode = different === 0 ? 0 : 1;
}

main().catch((error) => {
  print('the repro could not run: ' + (error && error.stack ? error.stack : String(error)));
  process.exitCode = 2;
});
`;
