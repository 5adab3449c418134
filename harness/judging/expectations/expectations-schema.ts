/**
 * The JSON Schema of expectations files. expectations/expectations.schema.json
 * is this document written out for editors (`npm run generate`).
 */
import type { SchemaObject } from 'ajv';
import { RETURN_SYMBOLS } from '../../language/calls/declaration.js';
import { WSA_ERROR_NAMES } from '../../language/vocabulary/errors.js';
import { caseIdProperty, formatProperty, SCHEMA_DRAFT, stepIdProperty } from '../../language/cases/schema-fragments.js';
import { variationWhenProperty } from '../../language/cases/variations.js';

let built: SchemaObject | undefined;

export function expectationsSchemaDocument(): SchemaObject {
  built ??= {
    $schema: SCHEMA_DRAFT,
    $id: 'expectations.schema.json',
    title: 'expectations file',
    description:
      "Where one provider is known to differ from the WSAConnect page (cases/README.md, 'For provider authors'). Only deviations are listed. Generated: do not edit by hand.",
    type: 'object',
    properties: {
      format: formatProperty('expectations'),
      deviations: { description: "The provider's known deviations, one per (case, step).", type: 'array', items: { $ref: '#/definitions/deviation' } },
    },
    required: ['format', 'deviations'],
    additionalProperties: false,
    definitions: { deviation: deviationDefinition() },
  };
  return built;
}

function deviationDefinition(): SchemaObject {
  return {
    title: 'deviation',
    description: 'One step of one case where the provider was observed to do something other than what the page documents.',
    type: 'object',
    properties: {
      case: caseIdProperty('The id of the case, as in cases/*.yaml: for a case with variations, the id of one variation (`<id>.ipv6`) or the id as written, which names every variation (or those `when` names).'),
      when: variationWhenProperty('For a case named as written with variations: the values of the variations the entry holds for (`when: { call: connect }`); the others are judged by the page.'),
      step: stepIdProperty('The id of the step in that case: its `id:`, else the call name with `#2`, `#3`… for repeats (`WSAConnect#2`).'),
      observed: observationDefinition(),
      reason: {
        description: 'Why this is believed to be a deviation (and not a mistake of the case): one or two sentences.',
        type: 'string',
        minLength: 1,
        pattern: '\\S',
        patternErrorMessage: 'the reason must say something, not just blanks',
      },
      versions: {
        description:
          "Optional: the provider versions the deviation holds for (Wine's own, as `wine --version` says: `'8.0'` holds for 8.0 and 8.0.x, `'10'` for every 10.x), quoted; absent, it holds for every version. A run of another version judges the step by the page.",
        type: 'array',
        items: { type: 'string', pattern: '^\\d+(\\.\\d+)*$', patternErrorMessage: "a version is numbers and dots, quoted: '8.0', '10'" },
        minItems: 1,
        uniqueItems: true,
      },
      bug: {
        description: 'Optional: the URL of the bug report tracking the deviation.',
        type: 'string',
        pattern: '^https?://\\S+$',
        patternErrorMessage: 'a bug is the http(s) URL of the report',
      },
    },
    required: ['case', 'step', 'observed', 'reason'],
    additionalProperties: false,
  };
}

function observationDefinition(): SchemaObject {
  return {
    title: 'observation',
    description:
      'What the provider was observed to do: `returns`, `error` and any outputs of the call; or `interrupted: CRASH` / `interrupted: TIMEOUT` when the call killed or hung the provider process. Seeing exactly this again makes the case KNOWN.',
    type: 'object',
    properties: {
      returns: {
        description: 'The return value seen: a number, or a symbolic return (`SOCKET_ERROR`, `INVALID_SOCKET`, `socket` for a valid handle, `WSA_WAIT_TIMEOUT`…).',
        anyOf: [
          { description: 'A symbolic return value.', enum: [...new Set(Object.values(RETURN_SYMBOLS).flat())] },
          { description: 'A numeric return value.', type: 'integer' },
        ],
      },
      error: {
        description: 'The error seen, by name (`WSAECONNREFUSED`), as the harness reports it.',
        anyOf: [
          { description: 'A Winsock error name.', enum: WSA_ERROR_NAMES },
          {
            description:
              'A code without a name (`WSA error 12345`); an errno of a POSIX provider that has no Winsock counterpart (`errno 32 (EPIPE)`, or `errno N` for a number the system does not name); or an error left unset (`unchanged (0xdeadbeef)`, `unchanged (errno 0)`).',
            type: 'string',
            pattern: '^(WSA error \\d+|errno \\d+( \\([A-Z][A-Z0-9]*\\))?|unchanged \\((0xdeadbeef|errno 0)\\))$',
            patternErrorMessage:
              'an error is a Winsock error name, `WSA error N`, `errno N (NAME)`, `unchanged (0xdeadbeef)` or `unchanged (errno 0)`',
          },
        ],
      },
      interrupted: {
        description: 'The call never returned: the provider process died (CRASH) or hung past the case\'s time limit (TIMEOUT).',
        enum: ['CRASH', 'TIMEOUT'],
      },
    },
    additionalProperties: { description: 'An output of the call, as seen (an address, data, readiness…).' },
    anyOf: [
      { properties: { returns: { description: 'An observation of a call that returned has its return value.' } }, required: ['returns'] },
      { properties: { interrupted: { description: 'An observation of a call that never returned says how it ended.' } }, required: ['interrupted'] },
    ],
  };
}
