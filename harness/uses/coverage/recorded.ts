/**
 * The recorded reasons why a page's clauses have no case (coverage.yaml in
 * the page's folder, schema spec/coverage.schema.json): loaded with the
 * project's YAML loader and checked against the page's clause catalogue,
 * every problem with file:line:column.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '../../language/clauses/clause.js';
import { problemAt, type Problem, type SourceLocation } from '../../language/yaml/problem.js';
import { compileSchemaFile, type CompiledSchema } from '../../language/yaml/schema.js';
import { schemaProblems } from '../../language/yaml/schema-problems.js';
import { didYouMean } from '../../language/yaml/suggest.js';
import { loadYamlFile } from '../../language/yaml/yaml-file.js';

export const UNCOVERED_STATUSES = ['informative', 'not-checkable', 'not-provokable', 'planned'] as const;
/**
 * - informative: needs no case;
 * - not-checkable: states nothing a case can observe a provider do;
 * - not-provokable: no case can produce it through the page's call on loopback;
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

/**
 * Loads the page's recorded coverage (its files are relative to `root`, the
 * project root) and checks each clause id against the page's catalogue. A
 * page without the file has nothing recorded: every clause is covered or missing.
 */
export function loadRecordedCoverage(page: Page, root: string): LoadedRecordedCoverage {
  const file = page.files.coverage;
  if (!existsSync(path.resolve(root, file))) return { recorded: new Map(), problems: [] };
  const loaded = loadYamlFile(path.resolve(root, file), file, 'an `uncovered:` list');
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
      if (!page.byId.has(id)) {
        const hint = didYouMean(id, page.byId.keys()) || `; the ids are listed in ${page.files.catalogue}`;
        problems.push(problemAt(at, `clause "${id}" is not in the catalogue of ${page.name}${hint}`));
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

/** This module is compiled to dist/harness/uses/coverage/: the project root is four folders up. */
const SCHEMA_FILE = new URL('../../../../spec/coverage.schema.json', import.meta.url);

function recordedCoverageSchema(): CompiledSchema<RawRecordedCoverage> {
  return compileSchemaFile<RawRecordedCoverage>(SCHEMA_FILE);
}
