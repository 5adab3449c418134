/**
 * Loads the clause catalogue with the project's YAML loader and checks what
 * its schema cannot: every text is on the page (verbatim, and for a text the
 * page has more than once, which occurrence), ids and texts are unique, and
 * error names are Winsock's. Problems are positioned like those of case
 * files, so a mistake in the catalogue reads like any other bad input.
 */
import path from 'node:path';
import { WSA_ERROR_NAMES } from '../vocabulary/errors.js';
import { problemAt, type Problem, type SourceLocation } from '../yaml/problem.js';
import { projectRelative } from '../yaml/project-path.js';
import { schemaProblems } from '../yaml/schema-problems.js';
import { readSourceText } from '../yaml/source-text.js';
import { didYouMean } from '../yaml/suggest.js';
import { loadYamlFile } from '../yaml/yaml-file.js';
import type { Clause, ClauseCatalogue } from './clause.js';
import { occurrences, squashSpaces } from './text.js';
import { clauseCatalogueSchema, type RawClause, type RawClauseCatalogue } from './schema.js';

export type LoadedClauseCatalogue = { readonly catalogue: ClauseCatalogue; readonly problems: readonly [] } | { readonly catalogue?: undefined; readonly problems: readonly Problem[] };

/** Loads `file` (absolute, or relative to `root`, the project root); its `page` is relative to `root` too. */
export function loadClauseCatalogue(file: string, root: string): LoadedClauseCatalogue {
  const name = projectRelative(file, root);
  const loaded = loadYamlFile(path.resolve(root, file), name, 'a `clauses:` list');
  if ('problems' in loaded) return { problems: loaded.problems };
  const { yaml } = loaded;
  const schema = clauseCatalogueSchema();
  const problems = schemaProblems(schema, yaml).map((finding) => finding.problem);
  // Validating again narrows the data to the schema's type; it cannot fail once there are no problems.
  if (problems.length > 0 || !schema.validate(yaml.data)) return { problems };

  const data = yaml.data;
  const page = readSourceText(path.resolve(root, data.page), data.page, 'the documentation page');
  if ('problem' in page) return { problems: [problemAt(yaml.sourceMap.valueAt(['page']), `page ${data.page}: ${page.problem.message}`)] };

  const clauses = data.clauses.map((raw, index): Clause => ({ ...raw, location: yaml.sourceMap.valueAt(['clauses', index]) }));
  const clauseProblems = checkClauses(data, page.text, (index, key) => yaml.sourceMap.valueAt(['clauses', index, key]));
  if (clauseProblems.length > 0) return { problems: clauseProblems };
  return { catalogue: { file: name, page: data.page, clauses, byId: new Map(clauses.map((clause) => [clause.id, clause])) }, problems: [] };
}

type Locate = (index: number, key: keyof RawClause) => SourceLocation;

function checkClauses(data: RawClauseCatalogue, page: string, locate: Locate): Problem[] {
  const problems: Problem[] = [];
  const firstById = new Map<string, number>();
  const firstByText = new Map<string, number>();
  const errorNames: readonly string[] = WSA_ERROR_NAMES;
  data.clauses.forEach((clause, index) => {
    const sameId = firstById.get(clause.id);
    if (sameId === undefined) firstById.set(clause.id, index);
    else problems.push(problemAt(locate(index, 'id'), `duplicate clause id "${clause.id}"; first defined at line ${locate(sameId, 'id').line}; ids must be unique`));

    const placement = JSON.stringify([clause.text, clause.occurrence ?? 1]);
    const sameText = firstByText.get(placement);
    if (sameText === undefined) firstByText.set(placement, index);
    else problems.push(problemAt(locate(index, 'text'), `same text as clause "${data.clauses[sameText]?.id}" (line ${locate(sameText, 'id').line}); each place on the page is one clause`));

    problems.push(...placementProblems(clause, page, data.page, (key) => locate(index, key)));
    if (clause.error !== undefined && !errorNames.includes(clause.error)) {
      problems.push(problemAt(locate(index, 'error'), `"${clause.error}" is not a Winsock error name${didYouMean(clause.error, errorNames)}`));
    }
  });
  return problems;
}

/** The text must be on the page; `occurrence` must say which place when there are several, and only then. */
function placementProblems(clause: RawClause, page: string, pageName: string, locate: (key: keyof RawClause) => SourceLocation): Problem[] {
  const count = occurrences(page, clause.text);
  if (count === 0) {
    const spacing = occurrences(squashSpaces(page), squashSpaces(clause.text)) > 0;
    const hint = spacing
      ? 'it differs from the page only in spacing (the page has no-break spaces, written \\u00A0, in places)'
      : 'copy it verbatim from the page, typos included';
    return [problemAt(locate('text'), `the text is not on the page ${pageName}: ${hint}`)];
  }
  if (clause.occurrence === undefined) {
    return count > 1 ? [problemAt(locate('text'), `the page has this text ${count} times; say which one with occurrence: 1 to ${count}`)] : [];
  }
  if (count === 1) return [problemAt(locate('occurrence'), 'the page has this text once; leave occurrence out')];
  if (clause.occurrence > count) return [problemAt(locate('occurrence'), `the page has this text only ${count} times`)];
  return [];
}
