/**
 * Validation of JUnit XML against the Apache Ant JUnit schema (the strictest
 * form CI systems read), with Debian's xmllint. The schema is kept in the
 * repository beside this file (Apache License 2.0, see its header).
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Compiled to dist/test/support/: the source tree's test/support/ is three levels up and back down. */
export const JUNIT_XSD = fileURLToPath(new URL('../../../test/support/JUnit.xsd', import.meta.url));

export function expectValidJUnit(file: string): void {
  const run = spawnSync('xmllint', ['--noout', '--schema', JUNIT_XSD, file], { encoding: 'utf8' });
  if (run.error !== undefined) throw run.error;
  expect(run.status, `xmllint rejected ${file}:\n${run.stderr}`).to.equal(0);
}
