/**
 * Loads the case files: YAML with positions, the schema (cases/case.schema.json),
 * then each case's variations (variations.ts), one case per combination,
 * then the checks the schema cannot make (unique ids, references defined
 * before use, clauses cited as their pages' catalogues have them). Every problem of every file is collected, each with its
 * `file:line:column`, so that one run shows all that needs fixing; a bad file
 * or case does not stop the others from loading.
 */
import { readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { PageSet } from '../clauses/clause.js';
import { citationProblems, unknownPage, withPages } from '../clauses/citations.js';
import { checkAlternativeNames } from './alternatives.js';
import type { Case } from './case.js';
import { keepUniqueCaseIds, type LocatedCase } from './case-ids.js';
import { buildCase } from './build-case.js';
import { formatProblem, problemAt, sortProblems, type Problem } from '../yaml/problem.js';
import { projectRelative } from '../yaml/project-path.js';
import type { RawCase } from './raw-case.js';
import { checkPeerArguments } from './peer-arguments.js';
import { checkReferences } from './value-references.js';
import { caseFileSchema } from './schema.js';
import { schemaProblems } from '../yaml/schema-problems.js';
import type { DataPath } from '../yaml/source-map.js';
import { checkStepIds } from './step-ids.js';
import { checkTraffic } from './traffic.js';
import { loadYamlFile } from '../yaml/yaml-file.js';
import { appliesTo, checkVariations, substituteSteps, VARIATION_NAMES, variationsOf, type Variation } from './variations.js';
import type { SourceLocation } from './case.js';
import { followedEntry } from '../../common/files/followed-entry.js';

export { formatProblem, type Problem } from '../yaml/problem.js';

export interface LoadedCases {
  /** The cases without problems, in file order. */
  readonly cases: Case[];
  /** Problems of all files, by file (in the order given) then position. */
  readonly problems: Problem[];
}

/**
 * Every `*.yaml` and `*.yml` file below `dir`, recursively, sorted. Symbolic
 * links are followed (a case set may link files in from elsewhere), each
 * folder once, so a link cycle ends.
 */
export function findCaseFiles(dir: string, visited: Set<string> = new Set()): string[] {
  const real = realpathSync(dir);
  if (visited.has(real)) return [];
  visited.add(real);
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const entryPath = path.join(dir, entry.name);
    // A link is what it points to; a dangling one is left for the loader to report as unreadable.
    const stat = followedEntry(dir, entry);
    if (stat?.isDirectory() === true) files.push(...findCaseFiles(entryPath, visited));
    else if ((stat === undefined || stat.isFile()) && /\.ya?ml$/.test(entry.name)) files.push(entryPath);
  }
  return files.sort();
}

/**
 * Loads `files` (absolute, or relative to `root`, the project root); problems
 * name files relative to `root`. Citations are checked against `pages`;
 * without them (they have problems of their own, reported with them) they are not.
 */
export function loadCases(files: readonly string[], root: string, pages: PageSet | undefined): LoadedCases {
  const fileNames = files.map((file) => projectRelative(file, root));
  const located: LocatedCase[] = [];
  const problems: Problem[] = [];
  files.forEach((file, index) => {
    const loaded = loadCaseFile(path.resolve(root, file), fileNames[index] ?? file, pages);
    located.push(...loaded.cases);
    problems.push(...loaded.problems);
  });
  const { unique, problems: duplicates } = keepUniqueCaseIds(located);
  return { cases: unique.map((entry) => entry.case), problems: sortProblems([...problems, ...duplicates], fileNames) };
}

function loadCaseFile(absolutePath: string, file: string, pages: PageSet | undefined): { cases: LocatedCase[]; problems: Problem[] } {
  const loaded = loadYamlFile(absolutePath, file, 'a `cases:` list');
  if ('problems' in loaded) return { cases: [], problems: [...loaded.problems] };
  const { yaml } = loaded;

  const schemaFindings = schemaProblems(caseFileSchema(), yaml);
  const problems = schemaFindings.map((finding) => finding.problem);
  // A schema problem inside one case spoils that case only; the others are still checked and built.
  const spoiled = new Set(schemaFindings.map((finding) => caseIndexOf(finding.path)));
  const filePage = filePageOf(yaml.data);
  // A file whose page is not one of the pages has no case whose citations could be checked: one problem says so.
  if (pages !== undefined && filePage !== undefined && !pages.byName.has(filePage)) {
    return { cases: [], problems: [...problems, unknownPage(filePage, pages, yaml.sourceMap.valueAt(['page']))] };
  }
  const cases: LocatedCase[] = [];
  caseEntries(yaml.data).forEach((entry, index) => {
    const locate = (inCase: DataPath) => yaml.sourceMap.valueAt(['cases', index, ...inCase]);
    // Ajv reported every error (allErrors): an entry with none under it conforms to the case schema.
    if (spoiled.has(index)) {
      // A mistake elsewhere in the case does not hide one in its citations: they are checked when they conform.
      const citationsConform = !schemaFindings.some((finding) => isUnder(finding.path, ['cases', index, 'clauses']));
      const clauses = (entry as { readonly clauses?: unknown }).clauses;
      if (citationsConform && Array.isArray(clauses)) {
        // The case's variations cannot be made from it, so two sides of a disagreement are sought only among
        // the citations that hold in every variation (those without `when`).
        const written = clauses as RawCase['clauses'];
        const unconditional = (index: number) => written[index]?.when === undefined;
        problems.push(...checkCitations(written, (clause, key) => locate(['clauses', clause, key]), filePage, pages, unconditional));
      }
      return;
    }
    const raw = entry as RawCase;
    const variationProblems = checkVariations(raw, locate);
    if (variationProblems.length > 0) {
      problems.push(...variationProblems);
      return;
    }
    // Each variation is checked as the case it becomes; a problem they share is reported once, where it is written.
    const seen = new Set<string>();
    for (const variation of variationsOf(raw)) {
      const result = checkAndBuild({ ...raw, steps: substituteSteps(raw.steps, variation) }, variation, locate, filePage, pages);
      if ('case' in result) cases.push(result.case);
      for (const problem of 'problems' in result ? result.problems : []) {
        const key = formatProblem(problem);
        if (!seen.has(key)) problems.push(problem);
        seen.add(key);
      }
    }
  });
  return { cases, problems };
}

/** Names reported by checkVariations, which checkReferences leaves alone. */
const VARIATION_NAME_SET: ReadonlySet<string> = new Set(VARIATION_NAMES.keys());

/** The checks the schema cannot make within one variation of a case, then that case itself if they pass. */
function checkAndBuild(
  raw: RawCase,
  variation: Variation,
  locate: (inCase: DataPath) => SourceLocation,
  filePage: string | undefined,
  pages: PageSet | undefined,
): { case: LocatedCase } | { problems: Problem[] } {
  // Only the citations that hold for this variation are checked against their pages, and a case varying
  // over the call cites, by default, the page of the variation's call.
  const applying = raw.clauses.flatMap((clause, index) => (appliesTo(clause.when, variation) ? [{ clause, index }] : []));
  const locateCitation = (clause: number, key: string) => locate(['clauses', applying[clause]?.index ?? clause, key]);
  const citations = applying.map((entry) => entry.clause);
  const page = variation.call ?? filePage;
  const cited = withPages(citations, page, locateCitation);
  const problems = [
    ...checkCitations(citations, locateCitation, page, pages),
    ...checkStepIds(raw.steps, locate),
    ...checkReferences(raw, locate, VARIATION_NAME_SET),
    ...checkPeerArguments(raw, locate),
    ...checkAlternativeNames(raw, locate),
    ...checkTraffic(raw, locate),
    ...checkEphemeralPorts(raw, locate),
  ];
  if (problems.length > 0 || 'problems' in cited) return { problems };
  return { case: { case: buildCase(raw, cited.citations, locate, variation), idLocation: locate(['id']) } };
}

/** What does not hold of a case's citations: a page to cite, then each cited clause and quote against `pages` (when they loaded). */
function checkCitations(
  clauses: RawCase['clauses'],
  locateCitation: (clause: number, key: string) => SourceLocation,
  filePage: string | undefined,
  pages: PageSet | undefined,
  together?: (index: number) => boolean,
): Problem[] {
  const cited = withPages(clauses, filePage, locateCitation);
  if ('problems' in cited) return cited.problems;
  return pages === undefined ? [] : citationProblems(cited.citations, pages, locateCitation, together);
}

/** A case that sets the private network's ephemeral ports runs there, alone (the range is the namespace's), with a range. */
function checkEphemeralPorts(raw: RawCase, locate: (inCase: DataPath) => SourceLocation): Problem[] {
  const ports = raw.ephemeralPorts;
  if (ports === undefined) return [];
  const at = locate(['ephemeralPorts']);
  return [
    ...(raw.network === 'private' ? [] : [problemAt(at, 'ephemeralPorts sets the range of the run\'s private network: give the case `network: private`')]),
    ...(raw.alone === true ? [] : [problemAt(at, 'ephemeralPorts changes a setting every private case shares while this one runs: give the case `alone: true`')]),
    ...(ports.first <= ports.last ? [] : [problemAt(locate(['ephemeralPorts', 'last']), `the range ends (${ports.last}) before it begins (${ports.first}): write the first port, then the last`)]),
  ];
}

/** Whether `path` is `prefix` or lies inside it. */
function isUnder(path: DataPath, prefix: DataPath): boolean {
  return prefix.every((part, index) => path[index] === part);
}

/** The index of the case a data path is in, or undefined for paths outside the `cases` list. */
function caseIndexOf(dataPath: DataPath): number | undefined {
  return dataPath[0] === 'cases' && typeof dataPath[1] === 'number' ? dataPath[1] : undefined;
}

/** The file's `page:`, when it is a string (the schema reports it otherwise). */
function filePageOf(data: unknown): string | undefined {
  return data !== null && typeof data === 'object' && 'page' in data && typeof data.page === 'string' ? data.page : undefined;
}

/** The entries of the `cases` list, whatever else is wrong with the file. */
function caseEntries(data: unknown): unknown[] {
  if (data === null || typeof data !== 'object' || !('cases' in data)) return [];
  return Array.isArray(data.cases) ? data.cases : [];
}
