/**
 * Validation of JUnit XML against the two schemas CI systems read, with
 * libxml2's validator compiled to WebAssembly (xmllint-wasm), so the check
 * needs no system package: the Apache Ant JUnit schema, the strictest form
 * (Apache License 2.0, see its header), and the Surefire/Jenkins form of
 * jenkinsci/xunit-plugin (MIT, see its first line). Both are kept beside
 * this file.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';

/** Compiled to dist/test/support/: the source tree's test/support/ is three levels up and back down. */
const schemaFile = (name: string): string => fileURLToPath(new URL(`../../../test/support/${name}`, import.meta.url));

export const JUNIT_XSD = schemaFile('JUnit.xsd');
export const JENKINS_JUNIT_XSD = schemaFile('jenkins-junit-10.xsd');

const SCHEMAS = [
  { name: 'the Ant JUnit schema', file: JUNIT_XSD },
  { name: 'the Jenkins (Surefire) JUnit schema', file: JENKINS_JUNIT_XSD },
];

/** Fails unless `file` is valid against both schemas, naming the one that rejects it and why. */
export async function expectValidJUnit(file: string): Promise<void> {
  const xml = readFileSync(file, 'utf8');
  for (const schema of SCHEMAS) {
    const result = await validateXML({
      xml: { fileName: 'junit.xml', contents: xml },
      schema: { fileName: 'schema.xsd', contents: readFileSync(schema.file, 'utf8') },
    });
    const problems = result.errors.map((error) => error.rawMessage).join('\n');
    expect(result.valid, `${schema.name} rejects ${file}:\n${problems}`).to.equal(true);
  }
}
