/**
 * Validation of JUnit XML against the Apache Ant JUnit schema (the strictest
 * form CI systems read), with libxml2's validator compiled to WebAssembly
 * (xmllint-wasm), so the check needs no system package. The schema is kept
 * in the repository beside this file (Apache License 2.0, see its header).
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';

/** Compiled to dist/test/support/: the source tree's test/support/ is three levels up and back down. */
export const JUNIT_XSD = fileURLToPath(new URL('../../../test/support/JUnit.xsd', import.meta.url));

export async function expectValidJUnit(file: string): Promise<void> {
  const result = await validateXML({
    xml: { fileName: 'junit.xml', contents: readFileSync(file, 'utf8') },
    schema: { fileName: 'JUnit.xsd', contents: readFileSync(JUNIT_XSD, 'utf8') },
  });
  const problems = result.errors.map((error) => error.rawMessage).join('\n');
  expect(result.valid, `the Ant JUnit schema rejects ${file}:\n${problems}`).to.equal(true);
}
