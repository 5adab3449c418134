/**
 * Validates the data of a YAML file against a schema and positions each
 * problem where the offending key or value is written.
 */
import { problemAt, type Problem } from './problem.js';
import type { CompiledSchema } from './schema.js';
import { explainSchemaErrors } from './schema-errors.js';
import type { DataPath } from './source-map.js';
import type { YamlFile } from './yaml-file.js';

/** A problem with the data path it concerns, so callers can tell which entry of a list is bad. */
export interface PathProblem {
  readonly path: DataPath;
  readonly problem: Problem;
}

export function schemaProblems(schema: CompiledSchema<unknown>, yaml: YamlFile): PathProblem[] {
  if (schema.validate(yaml.data)) return [];
  return explainSchemaErrors(schema.validate.errors ?? [], schema.root).map((finding) => {
    const location = finding.at === 'key' ? yaml.sourceMap.keyAt(finding.path) : yaml.sourceMap.valueAt(finding.path);
    return { path: finding.path, problem: problemAt(location, finding.message) };
  });
}
