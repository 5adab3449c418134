/**
 * The JSON Schema of Windows reference files (references/windows.yaml):
 * what real Windows does at a step of a case, where that is known from a
 * public source, kept apart from what the page documents.
 * references/references.schema.json is this document written out for editors
 * (`npm run generate`). The outcome is checked here only for its form; the
 * loader checks it against the step's call as a case's `expect` is checked.
 */
import type { SchemaObject } from 'ajv';
import { caseIdProperty, formatProperty, ref, schemaHead, stepIdProperty } from '../../language/cases/schema-fragments.js';

let built: SchemaObject | undefined;

export function referencesSchemaDocument(): SchemaObject {
  built ??= {
    ...schemaHead(
      'references.schema.json',
      'Windows reference file',
      'What real Windows does at steps of the cases, from public sources that ran on Windows, kept apart from the page (README, "The Windows reference"). Generated: do not edit by hand.',
    ),
    type: 'object',
    properties: {
      format: formatProperty('Windows reference'),
      references: { description: 'The references, at most one per (case, step).', type: 'array', items: ref('reference') },
    },
    required: ['format', 'references'],
    additionalProperties: false,
    definitions: { reference: referenceDefinition(), outcome: outcomeDefinition(), source: sourceDefinition() },
  };
  return built;
}

function referenceDefinition(): SchemaObject {
  return {
    title: 'reference',
    description: 'What Windows does at one documented step of one case, which Windows versions, and the source that asserts it.',
    type: 'object',
    properties: {
      case: caseIdProperty('The id of the case, as in cases/*.yaml.'),
      step: stepIdProperty('The id of a documented step (one with `expect`) of that case.'),
      windows: {
        description: 'What Windows does, in the language of a step\'s `expect`: an outcome, or a list of outcomes when the source allows several.',
        anyOf: [ref('outcome'), { description: 'Outcomes the source allows, any of which Windows may give.', type: 'array', minItems: 1, items: ref('outcome') }],
      },
      versions: {
        description: 'Which Windows versions the source holds for, in words (the machines its tests ran on, any exception it makes).',
        type: 'string',
        minLength: 1,
        pattern: '\\S',
        patternErrorMessage: 'say which Windows versions, not just blanks',
      },
      source: ref('source', 'Where it is asserted.'),
      note: {
        description: 'How the source\'s setting differs from the case\'s, when it does (another address, a non-blocking retry…), and why it still holds for the step.',
        type: 'string',
        minLength: 1,
      },
    },
    required: ['case', 'step', 'windows', 'versions', 'source'],
    additionalProperties: false,
  };
}

function outcomeDefinition(): SchemaObject {
  return {
    title: 'outcome',
    description: 'An outcome as a step\'s `expect` writes it: `returns`, `error` and outputs of the call; values may be references (`$peer`) and matchers (`{ not: 0 }`).',
    type: 'object',
    properties: {
      returns: { description: 'The return value: a number, `SOCKET_ERROR`, `INVALID_SOCKET` or `socket`, or a matcher.' },
      error: { description: 'The WSAGetLastError name (`WSAECONNREFUSED`).', type: 'string' },
    },
    required: ['returns'],
    additionalProperties: { description: 'An output of the call.' },
  };
}

function sourceDefinition(): SchemaObject {
  return {
    title: 'source',
    description:
      'A test that runs on real Windows and asserts the outcome: for Wine\'s conformance tests, the test function, the file, the lines, the Wine release or commit whose tests assert it, and the assertion quoted.',
    type: 'object',
    properties: {
      project: { description: 'Whose tests: `wine` (gitlab.winehq.org/wine/wine).', enum: ['wine'] },
      function: {
        description: 'The test function (`test_broadcast`).',
        type: 'string',
        pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
        patternErrorMessage: 'a test function is a C identifier, e.g. test_broadcast',
      },
      file: {
        description: 'The file, from the root of the project\'s tree (`dlls/ws2_32/tests/sock.c`).',
        type: 'string',
        pattern: '^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$',
        patternErrorMessage: 'a file is a relative path such as dlls/ws2_32/tests/sock.c',
      },
      lines: {
        description: 'The lines quoted, in that release (`14241-14242`).',
        type: 'string',
        pattern: '^[1-9][0-9]*(-[1-9][0-9]*)?$',
        patternErrorMessage: 'lines are a number or a range, e.g. 14241-14242',
      },
      release: {
        description: 'The release whose tests assert it (`wine-10.0`, a git tag of the project).',
        type: 'string',
        pattern: '^wine-[0-9]+\\.[0-9]+(\\.[0-9]+)?(-rc[0-9]+)?$',
        patternErrorMessage: 'a release is a tag such as wine-10.0',
      },
      commit: {
        description: 'Or the commit whose tests assert it (40 hex digits).',
        type: 'string',
        pattern: '^[0-9a-f]{40}$',
        patternErrorMessage: 'a commit is 40 lower-case hex digits',
      },
      runs: {
        description:
          'When the assertion runs: `interactive` when the test makes it only if run interactively (winetest_interactive), on a developer\'s Windows, and never on the project\'s unattended test machines; left out, it runs on every run of the test.',
        enum: ['interactive'],
      },
      quote: {
        description: 'The assertion, quoted verbatim from the file (a block scalar keeps its lines).',
        type: 'string',
        minLength: 1,
      },
    },
    required: ['project', 'function', 'file', 'lines', 'quote'],
    anyOf: [
      { description: 'Pinned to a release.', properties: { release: { description: 'The release.' } }, required: ['release'] },
      { description: 'Pinned to a commit.', properties: { commit: { description: 'The commit.' } }, required: ['commit'] },
    ],
    additionalProperties: false,
  };
}
