/**
 * Turns a YAML file into plain data plus a SourceMap to point back into it,
 * or into problems with their positions. Shared by the case and expectations
 * loaders, which add their own schema and checks on top.
 */
import { LineCounter, isAlias, isScalar, parseDocument, visit, type Document, type YAMLError } from 'yaml';
import { MAX_NESTING, tooDeepAt } from './nesting.js';
import { emptyFileProblem, readSourceText } from './source-text.js';
import { problemAt, startOf, type Problem, type SourceLocation } from './problem.js';
import { SourceMap } from './source-map.js';
import { messageOf } from '../../common/message-of.js';

/**
 * How many nodes aliases may expand to in one file. Cases reuse a block now
 * and then; an "alias bomb" (aliases of aliases) expands exponentially.
 */
export const MAX_ALIAS_COUNT = 100;

export interface YamlFile {
  /** Name of the file in problems, relative to the project root. */
  readonly file: string;
  readonly data: unknown;
  readonly sourceMap: SourceMap;
}

export type YamlFileResult = { readonly yaml: YamlFile } | { readonly problems: readonly Problem[] };

/**
 * Reads and parses one YAML file. `expected` says what the file should hold
 * ("a `cases:` list"), for the message about an empty file.
 */
export function loadYamlFile(absolutePath: string, file: string, expected: string): YamlFileResult {
  const source = readSourceText(absolutePath, file, expected);
  if ('problem' in source) return { problems: [source.problem] };
  const tooDeep = tooDeepAt(source.text);
  if (tooDeep !== undefined) {
    const location = locationOfOffset(source.text, tooDeep, file);
    return { problems: [problemAt(location, `nested more than ${MAX_NESTING} levels deep; a case or expectations file needs a few, so write it flatter`)] };
  }

  const lineCounter = new LineCounter();
  const document = parseDocument(source.text, {
    lineCounter,
    // Repeated keys would silently overwrite each other: an error, not a choice.
    uniqueKeys: true,
    // Messages are positioned by us; the pretty form would repeat the position and add a code excerpt.
    prettyErrors: false,
  });
  const sourceMap = new SourceMap(document, lineCounter, file);

  // Warnings (such as an unknown `!tag`) are reported too: a case file is not the place for guesses.
  const syntaxProblems = [...document.errors, ...document.warnings].map((error) => yamlErrorProblem(error, document, sourceMap));
  if (syntaxProblems.length > 0) return { problems: syntaxProblems };
  if (document.contents === null) return { problems: [emptyFileProblem(file, expected)] };

  try {
    return { yaml: { file, data: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), sourceMap } };
  } catch (error) {
    // yaml throws a ReferenceError for excessive alias expansion; it says nothing of where.
    const where = firstAliasOffset(document);
    const location = where === undefined ? startOf(file) : sourceMap.locationOfOffset(where);
    const reason = messageOf(error);
    return { problems: [problemAt(location, `aliases expand too much (${reason}); write the values out instead`)] };
  }
}

function yamlErrorProblem(error: YAMLError, document: Document, sourceMap: SourceMap): Problem {
  const location = sourceMap.locationOfOffset(error.pos[0]);
  if (error.code === 'DUPLICATE_KEY') {
    // yaml's message does not say which key; the error is positioned at it.
    const key = keyStartingAt(document, error.pos[0]);
    return problemAt(location, `duplicate key${key === undefined ? '' : ` "${key}"`}: a key may appear only once in a mapping`);
  }
  return problemAt(location, `YAML syntax: ${error.message}`);
}

function keyStartingAt(document: Document, offset: number): string | undefined {
  let key: string | undefined;
  visit(document, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.range?.[0] === offset) {
        key = String(pair.key.value);
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return key;
}

function firstAliasOffset(document: Document): number | undefined {
  let offset: number | undefined;
  visit(document, {
    Alias(_, node) {
      if (isAlias(node) && node.range) {
        offset = node.range[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return offset;
}

/** 1-based line and column of an offset, without a parsed document to ask. */
function locationOfOffset(text: string, offset: number, file: string): SourceLocation {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { file, line, column: offset - before.lastIndexOf('\n') };
}
