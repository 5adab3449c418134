/**
 * The recorded reasons why clauses have no case (spec/coverage.yaml, schema
 * spec/coverage.schema.json): loaded with the project's YAML loader and
 * checked against the clause catalogue, every problem with file:line:column.
 */
import path from 'node:path';
import type { ClauseCatalogue } from '../../language/clauses/clause.js';
import { problemAt, type Problem, type SourceLocation } from '../../language/yaml/problem.js';
import { projectRelative } from '../../language/yaml/project-path.js';
import { compileSchemaFile, type CompiledSchema } from '../../language/yaml/schema.js';
import { schemaProblems } from '../../language/yaml/schema-problems.js';
import { didYouMean } from '../../language/yaml/suggest.js';
import { loadYamlFile } from '../../language/yaml/yaml-file.js';

/** Where the project keeps it, relative to the project root. */
export const RECORDED_COVERAGE_FILE = 'spec/coverage.yaml';

export const UNCOVERED_STATUSES = ['informative', 'not-checkable', 'not-provokable', 'planned'] as const;
/**
 * - informative: needs no case;
 * - not-checkable: states nothing a case can observe a provider do;
 * - not-provokable: no case can produce it through WSAConnect on loopback;
 * - planned: a case needs infrastructure not built yet, so it counts as not covered.
 */
export type UncoveredStatus = (typeof UNCOVERED_STATUSES)[number];

/** Why one clause has no case. */
export interface RecordedReason {
  readonly status: UncoveredStatus;
  readonly reason: string;
  readonly evidence?: string;
  /** Where the entry is written. */
  readonly location: SourceLocation;
}

/** The recorded reasons, by clause id. */
export type RecordedCoverage = ReadonlyMap<string, RecordedReason>;

interface RawEntry {
  readonly clauses: readonly string[];
  readonly status: UncoveredStatus;
  readonly reason: string;
  readonly evidence?: string;
}

interface RawRecordedCoverage {
  readonly uncovered: readonly RawEntry[];
}

export type LoadedRecordedCoverage = { readonly recorded: RecordedCoverage; readonly problems: readonly [] } | { readonly recorded?: undefined; readonly problems: readonly Problem[] };

/** Loads `file` (absolute, or relative to `root`) and checks each clause id against `catalogue`. */
export function loadRecordedCoverage(file: string, root: string, catalogue: ClauseCatalogue): LoadedRecordedCoverage {
  const loaded = loadYamlFile(path.resolve(root, file), projectRelative(file, root), 'an `uncovered:` list');
  if ('problems' in loaded) return { problems: loaded.problems };
  const { yaml } = loaded;
  const schema = recordedCoverageSchema();
  const problems = schemaProblems(schema, yaml).map((finding) => finding.problem);
  // Validating again narrows the data to the schema's type; it cannot fail once there are no problems.
  if (problems.length > 0 || !schema.validate(yaml.data)) return { problems };

  const recorded = new Map<string, RecordedReason>();
  yaml.data.uncovered.forEach((entry, index) => {
    const location = yaml.sourceMap.valueAt(['uncovered', index]);
    if (entry.status !== 'informative' && entry.evidence === undefined) {
      problems.push(problemAt(location, `an entry of status ${entry.status} needs its evidence: what shows the reason holds (documentation with its address, a test run on Windows, a provider's source with file and function)`));
    }
    entry.clauses.forEach((id, clauseIndex) => {
      const at = yaml.sourceMap.valueAt(['uncovered', index, 'clauses', clauseIndex]);
      const earlier = recorded.get(id);
      if (!catalogue.byId.has(id)) {
        const hint = didYouMean(id, catalogue.byId.keys()) || `; the ids are listed in ${catalogue.file}`;
        problems.push(problemAt(at, `clause "${id}" is not in the catalogue${hint}`));
      } else if (earlier !== undefined) {
        problems.push(problemAt(at, `clause "${id}" already has an entry (line ${earlier.location.line}); give each clause one reason`));
      } else {
        recorded.set(id, reasonOf(entry, location));
      }
    });
  });
  return problems.length > 0 ? { problems } : { recorded, problems: [] };
}

function reasonOf(entry: RawEntry, location: SourceLocation): RecordedReason {
  // Folded YAML scalars (`>`) end with a newline.
  const evidence = entry.evidence?.trim();
  return { status: entry.status, reason: entry.reason.trim(), ...(evidence === undefined ? {} : { evidence }), location };
}

/** This module is compiled to dist/harness/uses/coverage/: the project root is three folders up. */
const SCHEMA_FILE = new URL('../../../../spec/coverage.schema.json', import.meta.url);

function recordedCoverageSchema(): CompiledSchema<RawRecordedCoverage> {
  return compileSchemaFile<RawRecordedCoverage>(SCHEMA_FILE);
}
