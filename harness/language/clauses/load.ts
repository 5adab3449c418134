/**
 * Loads the pages of a spec folder: each folder in it is a page (its name is
 * the page's), holding the page's text, its clause catalogue and its note
 * of source and licence. A catalogue is loaded with the project's YAML loader
 * and checked for what its schema cannot: every text is on the page
 * (verbatim, and for a text the page has more than once, which occurrence),
 * ids and texts are unique, and error names are Winsock's. Problems are
 * positioned like those of case files, so a mistake in a page reads like any
 * other bad input.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { WSA_ERROR_NAMES } from '../vocabulary/errors.js';
import { problemAt, startOf, type Problem, type SourceLocation } from '../yaml/problem.js';
import { projectRelative } from '../yaml/project-path.js';
import { schemaProblems } from '../yaml/schema-problems.js';
import { readSourceText } from '../yaml/source-text.js';
import { didYouMean } from '../yaml/suggest.js';
import { loadYamlFile } from '../yaml/yaml-file.js';
import { clauseName, PAGE_FILES, PAGE_NAME_PATTERN, type Clause, type Disagreement, type Page, type PageSet } from './clause.js';
import { unknownPage } from './citations.js';
import { occurrences, squashSpaces } from './text.js';
import { clauseCatalogueSchema, type RawClause, type RawClauseCatalogue, type RawDisagreement } from './schema.js';
import { followedEntry } from '../../common/files/followed-entry.js';

export type LoadedPages = { readonly pages: PageSet; readonly problems: readonly [] } | { readonly pages?: undefined; readonly problems: readonly Problem[] };

/**
 * Loads every page of `specDir` (absolute, or relative to `root`, the project
 * root; files are named relative to `root`): each folder in it is a page.
 * Files beside the folders (the schemas, the README) are not pages.
 */
export function loadPages(specDir: string, root: string): LoadedPages {
  const folder = projectRelative(specDir, root);
  const names = pageFolderNames(path.resolve(root, specDir));
  if (names === undefined) return { problems: [problemAt(startOf(folder), 'cannot read the spec folder: it should hold one folder per documentation page')] };
  if (names.length === 0) return { problems: [problemAt(startOf(folder), `no page: each documentation page is a folder of ${folder}/ holding ${PAGE_FILES.text}, ${PAGE_FILES.catalogue} and ${PAGE_FILES.note}`)] };
  const loaded = names.map((name) => loadPage(`${folder}/${name}`, name, root));
  const problems = loaded.flatMap((page) => page.problems);
  const pages = loaded.flatMap((page) => (page.page === undefined ? [] : [page.page]));
  if (problems.length > 0) return { problems };
  const set: PageSet = { folder, pages, byName: new Map(pages.map((page) => [page.name, page])) };
  const between = betweenPagesProblems(set);
  return between.length > 0 ? { problems: between } : { pages: set, problems: [] };
}

/**
 * What only the whole set can tell of the disagreements: a side of another page names a page of the set
 * and a clause of its catalogue, and no disagreement is recorded twice (in two catalogues, or twice in one).
 */
function betweenPagesProblems(set: PageSet): Problem[] {
  const problems: Problem[] = [];
  const recorded = new Map<string, { readonly page: Page; readonly disagreement: Disagreement }>();
  for (const page of set.pages) {
    for (const disagreement of page.disagreements) {
      for (const side of disagreement.sides.filter((entry) => entry.page !== page.name)) {
        const other = set.byName.get(side.page);
        if (other === undefined) problems.push(unknownPage(side.page, set, side.location.page));
        else if (!other.byId.has(side.clause)) {
          const hint = didYouMean(side.clause, other.byId.keys()) || `; the ids are those of ${other.files.catalogue}`;
          problems.push(problemAt(side.location.clause, `clause "${side.clause}" is not in the catalogue of ${other.name}${hint}`));
        }
      }
      const sides = disagreement.sides.map((side) => clauseName({ page: side.page, id: side.clause })).sort().join(' ');
      const first = recorded.get(sides);
      if (first === undefined) recorded.set(sides, { page, disagreement });
      else {
        const where = `${first.page.files.catalogue}:${first.disagreement.location.line}`;
        problems.push(problemAt(disagreement.location, `the same sides are recorded as ${first.page.name}'s disagreement ${first.disagreement.id} (${where}); record a disagreement once, in one of its pages' catalogues`));
      }
    }
  }
  return problems;
}

/** The folders of `dir`, sorted, a link to a folder counting as one (as for case files); undefined when it cannot be read. */
function pageFolderNames(dir: string): string[] | undefined {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => followedEntry(dir, entry)?.isDirectory() === true)
      .map((entry) => entry.name)
      .sort();
  } catch {
    return undefined;
  }
}

type LoadedPage = { readonly page: Page; readonly problems: readonly [] } | { readonly page?: undefined; readonly problems: readonly Problem[] };

/** Loads the page in `folder` (relative to `root`), named `name`. */
function loadPage(folder: string, name: string, root: string): LoadedPage {
  const files = {
    text: `${folder}/${PAGE_FILES.text}`,
    catalogue: `${folder}/${PAGE_FILES.catalogue}`,
    coverage: `${folder}/${PAGE_FILES.coverage}`,
    note: `${folder}/${PAGE_FILES.note}`,
  };
  if (!new RegExp(PAGE_NAME_PATTERN).test(name)) {
    return { problems: [problemAt(startOf(folder), `"${name}" cannot name a page: a page's folder is named after the call it documents, letters, digits and \`_\` (WSAConnect, ConnectEx)`)] };
  }
  const missing = (['text', 'catalogue', 'note'] as const).filter((role) => !existsSync(path.resolve(root, files[role])));
  if (missing.length > 0) {
    const list = missing.map((role) => PAGE_FILES[role]).join(', ');
    return { problems: [problemAt(startOf(folder), `the page ${name} lacks ${list}: a page's folder holds ${PAGE_FILES.text} (the page as text), ${PAGE_FILES.catalogue} (its clauses) and ${PAGE_FILES.note} (its source and licence); see spec/README.md`)] };
  }
  const loaded = loadYamlFile(path.resolve(root, files.catalogue), files.catalogue, 'a `clauses:` list');
  if ('problems' in loaded) return { problems: loaded.problems };
  const { yaml } = loaded;
  const schema = clauseCatalogueSchema();
  const problems = schemaProblems(schema, yaml).map((finding) => finding.problem);
  // Validating again narrows the data to the schema's type; it cannot fail once there are no problems.
  if (problems.length > 0 || !schema.validate(yaml.data)) return { problems };

  const data = yaml.data;
  const text = readSourceText(path.resolve(root, files.text), files.text, 'the documentation page as text');
  if ('problem' in text) return { problems: [text.problem] };

  const clauses = data.clauses.map((raw, index): Clause => ({ ...raw, location: yaml.sourceMap.valueAt(['clauses', index]) }));
  const byId = new Map(clauses.map((clause) => [clause.id, clause]));
  const locateInDisagreements = (path: readonly (string | number)[]) => yaml.sourceMap.valueAt(['disagreements', ...path]);
  const disagreements = (data.disagreements ?? []).map(
    (raw, index): Disagreement => ({
      ...raw,
      sides: raw.sides.map(({ cases, ...side }, sideIndex) => {
        const at = (...path: (string | number)[]) => locateInDisagreements([index, 'sides', sideIndex, ...path]);
        const location = { clause: at('clause'), page: side.page === undefined ? at('clause') : at('page') };
        const holders = cases?.map((id, caseIndex) => ({ id, location: at('cases', caseIndex) }));
        return { ...side, page: side.page ?? name, ...(holders === undefined ? {} : { cases: holders }), location };
      }),
      location: locateInDisagreements([index]),
    }),
  );
  const clauseProblems = [
    ...checkClauses(data, text.text, files.text, (index, key) => yaml.sourceMap.valueAt(['clauses', index, key])),
    ...checkDisagreements(data.disagreements ?? [], name, byId, files.catalogue, locateInDisagreements),
  ];
  if (clauseProblems.length > 0) return { problems: clauseProblems };
  return { page: { name, files, clauses, byId, disagreements }, problems: [] };
}

/**
 * Each disagreement's id is unique, it has a side of this page (so that it is recorded in one of its pages'
 * catalogues), and its sides are distinct clauses; a side of this page names a clause of the catalogue (the
 * sides of other pages are checked once every page is loaded).
 */
function checkDisagreements(
  disagreements: readonly RawDisagreement[],
  pageName: string,
  byId: ReadonlyMap<string, Clause>,
  catalogue: string,
  locate: (path: readonly (string | number)[]) => SourceLocation,
): Problem[] {
  const problems: Problem[] = [];
  const firstById = new Map<string, number>();
  disagreements.forEach((disagreement, index) => {
    const same = firstById.get(disagreement.id);
    if (same === undefined) firstById.set(disagreement.id, index);
    else problems.push(problemAt(locate([index, 'id']), `duplicate disagreement id "${disagreement.id}"; first at line ${locate([same, 'id']).line}`));
    if (disagreement.sides.every((side) => side.page !== undefined)) {
      problems.push(problemAt(locate([index, 'sides']), `every side names another page: a disagreement is recorded in the catalogue of one of its pages, with that page's sides written without \`page:\``));
    }
    const seen = new Set<string>();
    disagreement.sides.forEach((side, sideIndex) => {
      const at = (key: string) => locate([index, 'sides', sideIndex, key]);
      const name = clauseName({ page: side.page ?? pageName, id: side.clause });
      if (side.page === pageName) {
        problems.push(problemAt(at('page'), `"${pageName}" is this catalogue's own page: leave \`page:\` out for its clauses`));
      } else if (side.page === undefined && !byId.has(side.clause)) {
        const hint = didYouMean(side.clause, byId.keys()) || `; the ids are those of ${catalogue}, and a clause of another page is written with its \`page:\``;
        problems.push(problemAt(at('clause'), `clause "${side.clause}" is not in this catalogue${hint}`));
      } else if (seen.has(name)) {
        problems.push(problemAt(at('clause'), `clause "${side.clause}" is already a side of this disagreement; each side is another clause`));
      }
      seen.add(name);
    });
  });
  return problems;
}

type Locate = (index: number, key: keyof RawClause) => SourceLocation;

function checkClauses(data: RawClauseCatalogue, page: string, pageFile: string, locate: Locate): Problem[] {
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

    problems.push(...placementProblems(clause, page, pageFile, (key) => locate(index, key)));
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
