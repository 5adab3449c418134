/** cases/CALLS.md: the calls of the case language, written out from their declarations. */
import { describeBounds } from './bounds.js';
import { CALLS, isProviderCall } from './index.js';
import type { ArgSpec, CallDeclaration, ReturnKind } from './declaration.js';
import { DESCRIPTION_FACTS } from './kind-descriptions.js';
import { ARG_KINDS, kindDescription, type ArgKind } from './kinds/index.js';
import { CAPABILITIES } from '../vocabulary/capabilities.js';
import { CONSTANTS, CONSTANT_GROUPS, constantNames, type ConstantGroup } from '../vocabulary/constants.js';

const RETURNS: { readonly [K in ReturnKind]: string } = {
  int: 'a number, or `SOCKET_ERROR` with `error`',
  socket: '`socket` (a new handle), or `INVALID_SOCKET` with `error`',
  event: '`event` (a new handle), or `WSA_INVALID_EVENT` with `error`',
  window: '`window` (a new handle), or `NULL` with `error`',
  errorCode: '0, or the error code with its name in `error`',
  bool: '`TRUE`, or `FALSE` with `error`',
  wait: 'the index of what was signalled (0 for the first), `WSA_WAIT_TIMEOUT`, `WSA_WAIT_IO_COMPLETION`, or `WSA_WAIT_FAILED` with `error`',
  count: 'the number counted',
};

export function callsReference(): string {
  const provider = CALLS.filter(isProviderCall);
  const harness = CALLS.filter((call) => !isProviderCall(call));
  return [
    '# Calls',
    '',
    '<!-- Generated from harness/language/calls/ by `npm run generate`: edit the declarations, not this file. -->',
    '',
    'Every call a step can make, with its arguments (`?`: optional) and the',
    'outputs its outcome may name besides `returns` and `error`. How to write',
    'argument values and outcomes: [README.md](README.md).',
    '',
    '## Made in the provider, on the stack under test',
    '',
    ...provider.flatMap(section),
    '## Observed by the harness',
    '',
    ...harness.flatMap(section),
    '## Argument kinds',
    '',
    'What a case writes for an argument of each kind (the constant kinds are below):',
    '',
    '| kind | value |',
    '|---|---|',
    ...ARG_KINDS.filter((kind) => !isConstantGroup(kind)).map((kind) => `| \`${kind}\` | ${tableCell(kindDescription(kind, DESCRIPTION_FACTS))} |`),
    '',
    '## Constants',
    '',
    'Arguments of these kinds take the names listed (or a number):',
    '',
    '| kind | names |',
    '|---|---|',
    ...CONSTANT_GROUPS.map((group) => `| ${CONSTANTS[group].description} (\`${group}\`) | ${constantNames(group).map((name) => `\`${name}\``).join(', ')} |`),
    '',
  ].join('\n');
}

function section(call: CallDeclaration): string[] {
  const args = Object.entries(call.args);
  const outputs = Object.entries(call.outputs);
  return [
    `### \`${call.name}\``,
    '',
    call.summary,
    '',
    ...(args.length === 0 ? ['No arguments.'] : ['| argument | kind | meaning |', '|---|---|---|', ...args.map(([name, spec]) => argumentRow(name, spec))]),
    '',
    `Returns ${RETURNS[call.returns]}.${outputs.length === 0 ? '' : ` Outputs: ${outputs.map(([name, description]) => `\`${name}\` (${description.replace(/\.$/, '')})`).join('; ')}.`}`,
    ...(call.creates === undefined ? [] : [`\`as\` keeps the new ${call.creates}.`]),
    ...(call.needs === undefined ? [] : [`Needs ${CAPABILITIES[call.needs]}; a provider without it SKIPs the case.`]),
    '',
  ];
}

function argumentRow(name: string, spec: ArgSpec): string {
  const needs = spec.needs === undefined ? '' : ` Needs ${CAPABILITIES[spec.needs]} unless NULL.`;
  const kind = spec.bounds === undefined ? spec.kind : `${spec.kind} (${describeBounds(spec.bounds)})`;
  return `| \`${name}\`${spec.required ? '' : '?'} | ${kind} | ${tableCell(spec.description)}${needs} |`;
}

/** Text for a cell of a Markdown table, where `|` would end the cell. */
function tableCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function isConstantGroup(kind: ArgKind): kind is ConstantGroup {
  return (CONSTANT_GROUPS as readonly string[]).includes(kind);
}
