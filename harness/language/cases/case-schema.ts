/**
 * The JSON Schema of case files, built from the call declarations
 * (harness/language/calls/), the vocabularies (harness/language/vocabulary/) and the catalogue
 * of peers (fixtures/catalogue.ts). cases/case.schema.json is this document
 * written out for editors (`npm run generate`); the loader validates with
 * the document itself, so the two cannot disagree at run time.
 */
import type { SchemaObject } from 'ajv';
import { PEER_KINDS, PEER_KIND_NAMES } from '../../../fixtures/catalogue.js';
import { boundedInteger, COUNT_BOUNDS, INT_BOUNDS, ULONG_BOUNDS } from '../calls/bounds.js';
import { CALLS } from '../calls/index.js';
import { RETURN_KINDS, RETURN_SYMBOLS, type ArgSpec, type CallDeclaration, type ReturnKind } from '../calls/declaration.js';
import { ALTERNATIVE_NAME_KEY } from './case.js';
import { PAGE_NAME_PATTERN } from '../clauses/clause.js';
import { DESCRIPTION_FACTS } from '../calls/kind-descriptions.js';
import { kindDefinitions } from '../calls/kinds/index.js';
import { boundedNumber } from '../calls/kinds/schema-pieces.js';
import { NAME_PATTERN } from '../calls/kinds/text.js';
import { WSA_ERROR_NAMES } from '../vocabulary/errors.js';
import { CALL_VARIATION_NAMES, DIMENSION_NAMES, DIMENSIONS, VARIATION_NAMES, VARYING_CALLS, variationWhenProperty } from './variations.js';
import { caseIdProperty, formatProperty, listed, orNot, ref, SCHEMA_DRAFT } from './schema-fragments.js';

/** The longest time limit a case may set: ten minutes. Past that a case is a soak test, not a conformance check. */
export const MAX_CASE_TIMEOUT_MS = 600_000;

let built: SchemaObject | undefined;

export function caseSchemaDocument(): SchemaObject {
  built ??= {
    $schema: SCHEMA_DRAFT,
    $id: 'case.schema.json',
    title: 'case file',
    description: 'A file of conformance cases (cases/README.md). Generated from the call declarations: do not edit by hand.',
    type: 'object',
    properties: {
      format: formatProperty('case'),
      page: pageProperty('The page the citations of this file cite, unless one says another: a folder of spec/, e.g. `WSAConnect`.'),
      cases: { description: 'The cases of this file.', type: 'array', minItems: 1, items: ref('case') },
    },
    required: ['format', 'cases'],
    additionalProperties: false,
    definitions: {
      case: caseDefinition(),
      clause: clauseDefinition(),
      peer: peerDefinition(),
      peerKind: {
        title: 'peer kind',
        description: `What the peer is: ${listed(PEER_KIND_NAMES)}.`,
        enum: PEER_KIND_NAMES,
      },
      step: stepDefinition(),
      ...valueDefinitions(),
      ...outcomeDefinitions(),
    },
  };
  return built;
}

function caseDefinition(): SchemaObject {
  return {
    title: 'case',
    description: 'One behaviour or error condition a documentation page (spec/) documents.',
    type: 'object',
    properties: {
      id: caseIdProperty('Stable id, unique across all files: `area.topic.behaviour`, lower case, dots and dashes. Never reuse one.'),
      title: {
        description: 'One line saying what is checked.',
        type: 'string',
        minLength: 1,
        pattern: '^[^\\n]*$',
        patternErrorMessage: 'a title is one line',
      },
      description: { description: 'More words, when the title is not enough.', type: 'string' },
      clauses: {
        description: 'The clauses of the pages the case derives from (at least one).',
        type: 'array',
        minItems: 1,
        items: ref('clause'),
      },
      tags: {
        description: 'Words for `--tag`: `tcp`, `udp`, `blocking`, `nonblocking`, `errors`…',
        type: 'array',
        items: {
          description: 'A tag: lower-case letters, digits and dashes.',
          type: 'string',
          pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
          patternErrorMessage: 'a tag is lower-case letters, digits and dashes',
        },
        uniqueItems: true,
      },
      timeout: {
        description: `Time limit in milliseconds (default 5000, at most ${MAX_CASE_TIMEOUT_MS}), counted from when the provider is ready. Past it the provider process is killed and the case is TIMEOUT.`,
        type: 'integer',
        minimum: 1,
        maximum: MAX_CASE_TIMEOUT_MS,
      },
      network: {
        description:
          '`loopback` (the default): the machine\'s own loopback. `private`: a network namespace the run makes for its private cases, where 127.200.0.1 has no route (WSAENETUNREACH), 127.128.0.1 is an unreachable host (WSAEHOSTUNREACH) and a SYN is retried once, a second apart (a connect nobody answers times out in about 2 s). Needs root; without it such cases SKIP.',
        enum: ['loopback', 'private'],
      },
      ephemeralPorts: {
        title: 'ephemeralPorts',
        description:
          'For a `network: private` case that runs `alone`: the local ports the private network gives implicit binds while the case runs (Linux\'s net.ipv4.ip_local_port_range, which is per network namespace), `{ first, last }`; the range is restored after the case. `{ first: 40000, last: 40000 }` leaves one port, so that a case can exhaust them.',
        type: 'object',
        properties: {
          first: { description: 'The first port of the range.', type: 'integer', minimum: 1024, maximum: 65535 },
          last: { description: 'The last port of the range (the first again for a range of one port).', type: 'integer', minimum: 1024, maximum: 65535 },
        },
        required: ['first', 'last'],
        additionalProperties: false,
      },
      alone: {
        description:
          'true when the case must run with no other case at the same time (it changes something shared: a per-namespace setting, the supply of ports…). Cases run in parallel otherwise (`--jobs`).',
        type: 'boolean',
      },
      peers: {
        title: 'peers',
        description: 'Loopback peers by name: `name: kind` or `name: { kind, family }`. Started before the case, stopped after it.',
        type: 'object',
        propertyNames: { pattern: NAME_PATTERN, patternErrorMessage: 'a peer name is a letter or `_` followed by letters, digits or `_`' },
        additionalProperties: ref('peer'),
      },
      variations: variationsDefinition(),
      excluded: {
        title: 'excluded',
        description:
          'Variations that are made but never run, each `{ when, reason }`: a variation whose values `when` names is reported SKIP with the reason (why the pages, or the places the suite may send to, exclude it), so that it is seen and never silently missing.',
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          properties: {
            when: variationWhenProperty('The values of the variations excluded (`when: { family: AF_INET6 }`).'),
            reason: { description: 'Why these variations are not run: the clause or the limit that excludes them.', type: 'string', minLength: 1 },
          },
          required: ['when', 'reason'],
          additionalProperties: false,
        },
      },
      steps: { description: 'The calls, in order.', type: 'array', minItems: 1, items: ref('step') },
    },
    required: ['id', 'title', 'clauses', 'steps'],
    additionalProperties: false,
  };
}

function variationsDefinition(): SchemaObject {
  return {
    title: 'variations',
    description:
      `The dimensions the case holds over, each with its values: the loader makes one case per combination, its id and title naming it (\`<id>.ipv6\`). Inside the case, ${listed([...VARIATION_NAMES.keys()].map((name) => `$${name}`))} stand for the values of each variation (cases/README.md, "Variations").`,
    type: 'object',
    properties: Object.fromEntries(
      DIMENSION_NAMES.map((dimension) => {
        const values = Object.keys(DIMENSIONS[dimension].values);
        return [dimension, { description: `Values of ${DIMENSIONS[dimension].what}: ${listed(values)}.`, type: 'array', minItems: 1, uniqueItems: true, items: { enum: values } }];
      }),
    ),
    minProperties: 1,
    additionalProperties: false,
  };
}

function clauseDefinition(): SchemaObject {
  return {
    title: 'clause',
    description: 'A clause of a page the case derives from.',
    type: 'object',
    properties: {
      page: pageProperty("The clause's page, when it is not the file's `page:`."),
      id: {
        description: 'Stable id of the clause on its page, e.g. `return.blocking`, `errors.WSAEISCONN`.',
        type: 'string',
        pattern: '^[A-Za-z0-9_]+([.-][A-Za-z0-9_]+)*$',
        patternErrorMessage: 'a clause id is words of letters, digits or `_` separated by dots or dashes',
      },
      quote: { description: 'A short verbatim quote from the page, enough to find the clause by.', type: 'string', minLength: 1 },
      when: variationWhenProperty('In a case with variations: the values of the variations this citation holds for (`when: { family: AF_INET6 }`); the others do not cite it.'),
    },
    required: ['id', 'quote'],
    additionalProperties: false,
  };
}

function pageProperty(description: string): SchemaObject {
  return { description, type: 'string', pattern: PAGE_NAME_PATTERN, patternErrorMessage: 'a page is named by its folder of spec/: letters, digits and `_`, e.g. WSAConnect' };
}

function peerDefinition(): SchemaObject {
  const kinds = PEER_KIND_NAMES.map((kind) => `\`${kind}\`: ${PEER_KINDS[kind].description}`).join(' ');
  return {
    title: 'peer',
    description: `A loopback peer: \`kind\`, or \`{ kind, family }\`. ${kinds}`,
    anyOf: [
      ref('peerKind'),
      {
        title: 'peer',
        description: 'A peer with its address family.',
        type: 'object',
        properties: {
          kind: ref('peerKind', 'What the peer is.'),
          family: {
            description: 'Family of its loopback address: `AF_INET` (127.0.0.1, the default) or `AF_INET6` (::1).',
            enum: ['AF_INET', 'AF_INET6'],
          },
        },
        required: ['kind'],
        additionalProperties: false,
      },
    ],
  };
}

function stepDefinition(): SchemaObject {
  return {
    title: 'step',
    description: 'One call, its arguments, and what the page documents it produces.',
    type: 'object',
    properties: {
      call: { description: 'What to call: a Winsock function made in the provider, or an observation the harness makes on a peer.', type: 'string' },
      args: { description: "The call's arguments, by name." },
      as: {
        description:
          'Keep the result under this name for later steps: for calls that create something (a socket, an event, a window) the new handle (`$s`), for other calls the whole observation (`$local.name.port`).',
        type: 'string',
        pattern: NAME_PATTERN,
        patternErrorMessage: 'a name is a letter or `_` followed by letters, digits or `_`',
      },
      expect: { description: EXPECT_DESCRIPTION },
      id: {
        description: 'Names the step for expectations files. Default: the call name, with `#2`, `#3`… for repeats (`WSAConnect#2`).',
        type: 'string',
        pattern: '^[A-Za-z][A-Za-z0-9_.-]*$',
        patternErrorMessage: 'a step id is a letter followed by letters, digits, `_`, `.` or `-` (`#` is kept for default ids)',
      },
    },
    required: ['call'],
    additionalProperties: false,
    discriminator: { propertyName: 'call' },
    oneOf: [...CALLS, ...VARIED_CALLS].map(stepBranch),
  };
}

/**
 * What a step written `call: $call` is, in a case varying over the call: it
 * becomes each of the dimension's calls in turn, so it takes only the
 * arguments they all take (of the same kind), requires what any one of them
 * requires, and names only outputs they all have.
 */
function variedCallDeclaration(name: string): CallDeclaration {
  const calls = VARYING_CALLS.map((callName) => {
    const call = CALLS.find((declared) => declared.name === callName);
    if (call === undefined) throw new Error(`the call dimension names ${callName}, which no declaration has`);
    return call;
  });
  const [first, ...others] = calls;
  if (first === undefined) throw new Error('the call dimension has no calls');
  return {
    ...first,
    name: `$${name}`,
    summary: `The call of the variation: ${listed(VARYING_CALLS)} in turn, with the arguments they all take.`,
    args: Object.fromEntries(
      Object.entries(first.args)
        .filter(([argName, spec]) => others.every((call) => call.args[argName]?.kind === spec.kind))
        .map(([argName, spec]) => [argName, { ...spec, required: calls.some((call) => call.args[argName]?.required === true) }]),
    ),
    outputs: Object.fromEntries(Object.entries(first.outputs).filter(([output]) => others.every((call) => output in call.outputs))),
  };
}

const VARIED_CALLS: readonly CallDeclaration[] = [...CALL_VARIATION_NAMES].map(variedCallDeclaration);

const EXPECT_DESCRIPTION =
  'The documented outcome, or a list of outcomes when the page allows any of them. Left out: the step is set-up and must succeed.';

function stepBranch(call: CallDeclaration): SchemaObject {
  const names = Object.keys(call.args);
  const required = names.filter((name) => call.args[name]?.required === true);
  const outcome = ref(outcomeDefinitionName(call));
  return {
    title: `${call.name} step`,
    description: call.summary,
    type: 'object',
    properties: {
      call: { description: call.summary, const: call.name },
      args: {
        title: `args of ${call.name}`,
        description: names.length === 0 ? `${call.name} takes no arguments.` : `Arguments of ${call.name}: ${names.map((name) => `\`${name}\`${required.includes(name) ? '' : '?'}`).join(', ')}.`,
        type: 'object',
        properties: Object.fromEntries(Object.entries(call.args).map(([name, spec]) => [name, argumentSchema(spec)])),
        required,
        additionalProperties: false,
      },
      expect: {
        description: EXPECT_DESCRIPTION,
        anyOf: [outcome, { description: 'Outcomes the page allows, any of which passes.', type: 'array', minItems: 1, items: outcome }],
      },
    },
    required: required.length > 0 ? ['args'] : [],
  };
}

function argumentSchema(spec: ArgSpec): SchemaObject {
  return spec.bounds === undefined ? ref(spec.kind, spec.description) : boundedNumber(spec.description, spec.bounds);
}

/** The definitions of argument values: a reference, then one per kind of argument (harness/language/calls/kinds/), named as the kind. */
function valueDefinitions(): Record<string, SchemaObject> {
  return {
    reference: {
      title: 'reference',
      description:
        'A reference to something named earlier: a peer (`$server`, `$server.port`) or the `as` of an earlier step (`$s`, `$local.name.port`). Write `$$` for a literal `$`.',
      type: 'string',
      pattern: '^\\$(?!\\$)',
      patternErrorMessage: 'a reference starts with a single `$` (`$$` is a literal dollar)',
    },
    ...kindDefinitions(DESCRIPTION_FACTS),
  };
}

interface ReturnsText {
  readonly title: string;
  readonly description: string;
  /** The numbers it may be, if any (resources and BOOLs are only ever named). */
  readonly numbers?: SchemaObject;
}

/** Return values are C ints, a wait's a DWORD, a count the harness makes an int: a number past these can never be observed. */
const INTEGER: SchemaObject = boundedInteger('A numeric return value.', INT_BOUNDS);
const WAIT_INDEX: SchemaObject = boundedInteger('A wait result (a DWORD).', ULONG_BOUNDS);
const NON_NEGATIVE: SchemaObject = boundedInteger('A non-negative number.', COUNT_BOUNDS);

/** What each kind of return value is; its symbols are RETURN_SYMBOLS (harness/language/calls/declaration.ts). */
const RETURNS: { readonly [K in ReturnKind]: ReturnsText } = {
  int: { title: 'return value', description: 'The return value: a number, `SOCKET_ERROR`, a reference, or `{ not: … }`.', numbers: INTEGER },
  socket: { title: 'returned socket', description: 'The return value of a call that creates a socket: `socket` (any valid handle), `INVALID_SOCKET`, or `{ not: … }`.' },
  event: { title: 'returned event', description: 'The return value of a call that creates an event object: `event` (any valid handle), `WSA_INVALID_EVENT`, or `{ not: … }`.' },
  window: { title: 'returned window', description: 'The return value of a call that creates a window: `window` (any valid handle), `NULL`, or `{ not: … }`.' },
  errorCode: {
    title: 'returned error code',
    description: 'The return value of a call that returns its error code: 0 on success, else the code (named in `error`).',
    numbers: INTEGER,
  },
  bool: { title: 'returned BOOL', description: 'The return value of a call that returns a BOOL: `TRUE`, `FALSE` (with `error`), or `{ not: … }`.' },
  wait: {
    title: 'wait result',
    description:
      'The result of a wait: the index of what was signalled (0 for the first), `WSA_WAIT_TIMEOUT`, `WSA_WAIT_IO_COMPLETION`, `WSA_WAIT_FAILED` (with `error`), a reference, or `{ not: … }`.',
    numbers: WAIT_INDEX,
  },
  count: { title: 'count', description: 'The number the harness counted, or `{ not: … }`.', numbers: NON_NEGATIVE },
};

function returnsDefinition(kind: ReturnKind): SchemaObject {
  const { title, description, numbers } = RETURNS[kind];
  const symbols = RETURN_SYMBOLS[kind];
  return {
    title,
    description,
    anyOf: orNot(
      ...(symbols.length === 0 ? [] : [{ description: 'A symbolic return value.', enum: [...symbols] }]),
      ...(numbers === undefined ? [] : [numbers, ref('reference')]),
    ),
  };
}

function outcomeDefinitionName(call: CallDeclaration): string {
  // `$call` → `variedCallOutcome`: a definition name without `$`.
  const name = call.name.replace(/^\$(.)/, (_, letter: string) => `varied${letter.toUpperCase()}`);
  return `${name.replace(/\.(.)/g, (_, letter: string) => letter.toUpperCase())}Outcome`;
}

function outcomeDefinitions(): Record<string, SchemaObject> {
  return {
    matchValue: {
      description:
        'A value to match: a plain value or reference (equal), `{ not: value }` (anything else), an object (each key named matches; others are not compared) or a list (same length, each element matches).',
    },
    notMatcher: {
      title: 'not-matcher',
      description: '`{ not: value }`: matches anything but the value.',
      type: 'object',
      properties: { not: ref('matchValue', 'The value that must not be seen.') },
      required: ['not'],
      additionalProperties: false,
    },
    alternativeName: {
      title: 'alternative name',
      description:
        'Names this outcome among the alternatives the page allows (`as: rejected`), so that results say which one was seen. Lower-case words and dashes; not compared with the observation.',
      type: 'string',
      pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$',
      patternErrorMessage: 'an alternative is named with lower-case words and dashes, e.g. rejected or ignored',
    },
    errorName: {
      title: 'error name',
      description: 'WSAGetLastError() by name (`WSAEWOULDBLOCK`), compared by name; or `{ not: … }`.',
      anyOf: orNot({ description: 'A Winsock error name.', enum: WSA_ERROR_NAMES }),
    },
    ...Object.fromEntries(RETURN_KINDS.map((kind) => [`${kind}Returns`, returnsDefinition(kind)])),
    ...Object.fromEntries([...CALLS, ...VARIED_CALLS].map((call) => [outcomeDefinitionName(call), outcomeDefinition(call)])),
  };
}

/** Keys of an outcome that are not outputs of the call. */
const OUTCOME_KEYS = ['returns', 'error', ALTERNATIVE_NAME_KEY];

function outcomeDefinition(call: CallDeclaration): SchemaObject {
  const clash = Object.keys(call.outputs).find((name) => OUTCOME_KEYS.includes(name));
  if (clash !== undefined) throw new Error(`${call.name}: an output may not be called ${clash}, which outcomes use for themselves`);
  const error = call.returns === 'count' ? {} : { error: ref('errorName', 'The error by name when the call failed (`WSAEWOULDBLOCK`).') };
  const outputs = Object.fromEntries(Object.entries(call.outputs).map(([name, description]) => [name, ref('matchValue', description)]));
  const keys = ['returns', ...Object.keys(error), ...Object.keys(outputs)];
  return {
    title: `outcome of ${call.name}`,
    description: `What ${call.name} is documented to produce: ${keys.map((key) => `\`${key}\``).join(', ')}. Keys left out are not compared; \`as\` names the alternative.`,
    type: 'object',
    properties: {
      returns: ref(`${call.returns}Returns`, 'The return value.'),
      ...error,
      ...outputs,
      [ALTERNATIVE_NAME_KEY]: ref('alternativeName', 'Names this alternative among those of the step (`as: rejected`); not compared.'),
    },
    minProperties: 1,
    additionalProperties: false,
  };
}
