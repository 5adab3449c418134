/**
 * The JSON Schema of one line of results.jsonl (harness/judging/results/result.ts
 * holds the types; README, "results.jsonl", the prose). Every line is one of
 * three records, told apart by `type`: the `run` (first, with the format
 * version), a `case` per finished case, the `summary` (last). The schema is
 * strict about the records' own keys, so a field added to the results without
 * being documented here fails the test that checks a real run against it.
 */
import type { SchemaObject } from 'ajv';
import { PAGE_OF_UNNAMED_CITATIONS, RESULTS_FORMAT, STANDARDS, VERDICTS } from './result.js';
import { ref, schemaHead } from '../../language/cases/schema-fragments.js';
import { PROVIDER_NAMES } from '../../stacks/providers/registry.js';
import { STACK_KIND_NAMES, STACK_KINDS } from '../../stacks/stack-facts.js';

let built: SchemaObject | undefined;

export function resultsSchemaDocument(): SchemaObject {
  built ??= {
    ...schemaHead(
      'results.schema.json',
      'a line of results.jsonl',
      'One JSON object per line: a `run` record first, then one `case` record per finished case, then a `summary` record if the run reached its end (README, "results.jsonl"). Generated: do not edit by hand.',
    ),
    type: 'object',
    properties: { type: { description: 'Which record the line is.', enum: ['run', 'case', 'summary'] } },
    required: ['type'],
    discriminator: { propertyName: 'type' },
    oneOf: [ref('runRecord'), ref('caseRecord'), ref('summaryRecord')],
    definitions: {
      runRecord: runRecord(),
      caseRecord: caseRecord(),
      summaryRecord: summaryRecord(),
      stack: stackDefinition(),
      fingerprint: fingerprintDefinition(),
      check: checkDefinition(),
      outcome: { title: 'outcome', description: 'An outcome as a case writes it: `returns`, `error`, outputs; values may be matchers (`{ not: 0 }`).', type: 'object' },
      observation: {
        title: 'observation',
        description: 'What a call did: `returns` (a number, `SOCKET_ERROR`, `INVALID_SOCKET`, `socket`, or `none` for a call that never returned), `error` by name, and its outputs.',
        type: 'object',
        properties: { returns: { anyOf: [{ type: 'number' }, { type: 'string' }] }, error: { type: 'string' } },
        required: ['returns'],
      },
      verdict: { title: 'verdict', description: 'PASS FAIL KNOWN XPASS SKIP ERROR TIMEOUT CRASH (README, "Reading a report").', enum: [...VERDICTS] },
    },
  };
  return built;
}

const text = (description: string): SchemaObject => ({ description, type: 'string' });

/** One of the three records: its `type`, its own keys (no other), the ones it must have. */
function record(type: string, title: string, description: string, properties: Record<string, SchemaObject>, required: readonly string[]): SchemaObject {
  return {
    title,
    description,
    type: 'object',
    properties: { type: { const: type }, ...properties },
    required: ['type', ...required],
    additionalProperties: false,
  };
}
const count = (description: string): SchemaObject => ({ description, type: 'integer', minimum: 0 });
const duration = (description: string): SchemaObject => ({ description, type: 'number', minimum: 0 });
const timestamp = (description: string): SchemaObject => ({ description, type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}' });

function runRecord(): SchemaObject {
  return record(
    'run',
    'run',
    'The first line: what ran, where, with which inputs.',
    {
      format: { description: `The version of this format. This harness writes and reads format ${RESULTS_FORMAT}.`, const: RESULTS_FORMAT },
      provider: text(`The provider: ${PROVIDER_NAMES.map((name) => `\`${name}\``).join(', ')}.`),
      providerVersion: text('The stack in one line: `Wine 8.0 (reports Windows 10.0.19043)`, `Windows 11 Pro 10.0.22631`, `Linux 6.1.0-18-amd64, glibc 2.36`.'),
      providerBuild: {
        description: 'Which build of the provider ran, where it has several (wine: `--wine`).',
        type: 'object',
        properties: {
          name: text('As `--wine` names it: `host`, `debian-13`, or the path of a Wine.'),
          origin: text('Where it came from: the Debian package and its version, the folder it runs from.'),
          version: text('The version it says it is (Wine: `10.0`, from `wine --version`), which expectations may name.'),
        },
        required: ['name', 'origin', 'version'],
        additionalProperties: false,
      },
      stack: ref('stack'),
      providerNode: text("The provider worker's Node version."),
      providerKoffi: text("The provider worker's koffi version."),
      harnessVersion: text('The version of winsock-conformance.'),
      host: text('The name of the machine that ran the harness.'),
      platform: text('`process.platform process.arch os.release()` of the harness.'),
      startedAt: timestamp('When the first case started (ISO 8601).'),
      casesDir: text('The folder of the case set, relative to the project root like each result\'s `file` (`cases` unless the run was given another set).'),
      filters: {
        description: 'The selection: --grep and --tag.',
        type: 'object',
        properties: { grep: text('--grep'), tags: { description: '--tag, each', type: 'array', items: { type: 'string' } } },
        required: ['tags'],
        additionalProperties: false,
      },
      caseSet: ref('fingerprint'),
      expectations: ref('fingerprint'),
      references: ref('fingerprint'),
      judgedAgainst: { description: 'What documented steps were judged against: the page, or Windows where it has a reference.', enum: [...STANDARDS] },
    },
    ['format', 'provider', 'providerVersion', 'stack', 'providerNode', 'harnessVersion', 'host', 'platform', 'startedAt', 'casesDir', 'filters', 'caseSet', 'expectations', 'references', 'judgedAgainst'],
  );
}

function stackDefinition(): SchemaObject {
  return {
    title: 'stack',
    description: 'The provider version in fields; each is there when the stack tells it.',
    type: 'object',
    properties: {
      kind: { description: `What implements the sockets: ${STACK_KIND_NAMES.map((kind) => `\`${kind}\`, ${STACK_KINDS[kind]}`).join('; ')}.`, enum: STACK_KIND_NAMES },
      windowsVersion: text('`10.0.22631`; under Wine, what the prefix reports.'),
      windowsBuild: count('`22631`.'),
      windowsEdition: text('The product name: `Windows 11 Pro`.'),
      wineVersion: text('`8.0`.'),
      wineBuild: text('`wine-8.0 (Debian 8.0~repack-4)`.'),
      kernel: text('`Linux 6.1.0-18-amd64`: the posix provider\'s kernel, or the host\'s under Wine.'),
      libc: text('`glibc 2.36`.'),
    },
    required: ['kind'],
    additionalProperties: false,
  };
}

function fingerprintDefinition(): SchemaObject {
  return {
    title: 'fingerprint',
    description: 'How many entries, and the sha256 of their canonical JSON (keys sorted, places in files left out).',
    type: 'object',
    properties: { count: count('How many entries.'), sha256: { description: 'Hex.', type: 'string', pattern: '^[0-9a-f]{64}$' } },
    required: ['count', 'sha256'],
    additionalProperties: false,
  };
}

function caseRecord(): SchemaObject {
  return record(
    'case',
    'case',
    'One finished case.',
    {
      id: text('The case id.'),
      title: text('The case title.'),
      file: text('The case file, from the project root.'),
      line: count('Its line.'),
      clauses: {
        description: 'The clauses it cites.',
        type: 'array',
        items: {
          type: 'object',
          properties: {
            page: { description: `The page the clause is on (a folder of spec/). Absent in results written before cases cited pages by name: those cite ${PAGE_OF_UNNAMED_CITATIONS}.`, type: 'string' },
            id: { type: 'string' },
            quote: { type: 'string' },
          },
          required: ['id', 'quote'],
          additionalProperties: false,
        },
      },
      tags: { type: 'array', items: { type: 'string' } },
      provider: text('The provider.'),
      verdict: ref('verdict'),
      message: text('Why the verdict is what it is.'),
      checks: { description: 'One per call made.', type: 'array', items: ref('check') },
      interruptedAt: text('The step running when the case ended by TIMEOUT or CRASH.'),
      logExcerpt: text("The end of the provider's log (provider.log) when the case ended by TIMEOUT or CRASH: what the stack said as it died."),
      durationMs: duration('How long the case took.'),
      startedAt: timestamp('When it started.'),
    },
    ['id', 'title', 'file', 'line', 'clauses', 'tags', 'provider', 'verdict', 'message', 'checks', 'durationMs', 'startedAt'],
  );
}

function checkDefinition(): SchemaObject {
  const outcomes = (description: string): SchemaObject => ({ description, type: 'array', items: ref('outcome') });
  return {
    title: 'check',
    description: 'One call of a case: what it was judged against, what it did, how it compares.',
    type: 'object',
    properties: {
      stepId: text('The step id.'),
      call: text('The call.'),
      args: { description: 'Its arguments, references resolved.', type: 'object' },
      kind: { description: '`documented`: the step has an expect; `setup`: it must succeed.', enum: ['documented', 'setup'] },
      expected: outcomes('What the check was judged against, references resolved: the page, or what Windows does when the run judged by Windows and the step has a reference.'),
      observed: ref('observation'),
      passed: { type: 'boolean' },
      matched: text('The name of the documented alternative the observation matched, when that alternative has one (`as:` in the case).'),
      mismatch: text('Why the observation does not match.'),
      differingKeys: { type: 'array', items: { type: 'string' } },
      durationMs: duration('How long the call took.'),
      known: {
        description: "The provider's listed deviation for the step.",
        type: 'object',
        properties: { reason: { type: 'string' }, bug: { type: 'string' }, recorded: ref('outcome') },
        required: ['reason', 'recorded'],
        additionalProperties: false,
      },
      explainsVerdict: { description: 'Whether this check is one that makes the verdict what it is.', type: 'boolean' },
      reference: {
        description: "The step's Windows reference (references/windows.yaml), outcomes as written there.",
        type: 'object',
        properties: {
          windows: outcomes('What Windows does.'),
          versions: text('Which Windows versions.'),
          source: text('The source in one line.'),
          url: text('The quoted lines in the public tree.'),
        },
        required: ['windows', 'versions', 'source', 'url'],
        additionalProperties: false,
      },
      documented: outcomes('When the run judged by Windows and the step has a reference: what the page documents, as the case writes it.'),
    },
    required: ['stepId', 'call', 'args', 'kind', 'expected', 'observed', 'passed', 'differingKeys', 'durationMs', 'explainsVerdict'],
    additionalProperties: false,
  };
}

function summaryRecord(): SchemaObject {
  return record(
    'summary',
    'summary',
    'The last line, written when the run reached its end.',
    {
      counts: {
        description: 'Cases by verdict.',
        type: 'object',
        properties: Object.fromEntries(VERDICTS.map((verdict) => [verdict, count(`${verdict} cases.`)])),
        required: [...VERDICTS],
        additionalProperties: false,
      },
      total: count('Cases recorded.'),
      durationMs: duration('How long the run took.'),
      green: { description: 'Every verdict is PASS, KNOWN or SKIP.', type: 'boolean' },
      incomplete: text('Why not every selected case ran, when not.'),
    },
    ['counts', 'total', 'durationMs', 'green'],
  );
}
