/**
 * Every number a case writes has the bounds the call really takes, checked
 * by `lint` at file:line:column: a select time-out or a recv length of 2^31
 * or 1e308 is a problem of the case file, never an ERROR at run time. And
 * the schema and the argument readers share each bound (harness/language/calls/
 * bounds.ts), so that nothing lint accepts is refused at run time for its
 * range: for every numeric argument of every call, the largest value the
 * schema accepts is read without complaint, and the next one is refused by
 * both.
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArgumentError, readArgs } from '../../harness/language/calls/arguments.js';
import { CONSTANT_BOUNDS, COUNT_BOUNDS, INT_BOUNDS, type Bounds } from '../../harness/language/calls/bounds.js';
import type { ArgSpec } from '../../harness/language/calls/declaration.js';
import { CALLS } from '../../harness/language/calls/index.js';
import { caseSchemaDocument } from '../../harness/language/cases/case-schema.js';
import { compileSchema } from '../../harness/language/yaml/schema.js';
import { CONSTANT_GROUPS, type ConstantGroup } from '../../harness/language/vocabulary/constants.js';
import { runCli } from '../integration/cli.js';

const CASE_FILE = `format: 1
cases:
  - id: bounds.numbers
    title: Numbers past what the calls take
    clauses: [{ page: WSAConnect, id: return.success, quote: "If no error occurs, WSAConnect returns zero." }]
    peers: { to: tcp-listener }
    steps:
      - call: socket
        args: { af: AF_INET, type: SOCK_STREAM, protocol: 2147483648 }
        as: s
      - call: select
        args: { s: $s, read: true, timeout: 2147483648 }
      - call: select
        args: { s: $s, read: true, timeout: 1e308 }
      - call: recv
        args: { s: $s, length: 2147483648 }
      - call: recvfrom
        args: { s: $s, length: 1e308 }
      - call: WSAConnect
        args: { s: $s, name: { family: AF_INET6, address: "::1", port: 65536, flowinfo: 4294967296, scopeId: -1 }, namelen: 65537 }
      - call: WSAConnect
        args: { s: $s, name: $to, sqos: { sending: { tokenRate: 4294967296 }, receiving: {} }, calleeData: { length: 1e308 } }
      - call: setsockopt
        args: { s: $s, level: SOL_SOCKET, option: SO_RCVBUF, value: -2147483649 }
      - call: listen
        args: { s: $s, backlog: 2147483648 }
`;

/** The problems lint must report: line, the argument's path, its key and the number as written in the file. */
const EXPECTED = [
  [9, 'args.protocol', 'protocol', '2147483648'],
  [12, 'args.timeout', 'timeout', '2147483648'],
  [14, 'args.timeout', 'timeout', '1e308'],
  [16, 'args.length', 'length', '2147483648'],
  [18, 'args.length', 'length', '1e308'],
  [20, 'args.name.port', 'port', '65536'],
  [20, 'args.name.flowinfo', 'flowinfo', '4294967296'],
  [20, 'args.name.scopeId', 'scopeId', '-1'],
  [20, 'args.namelen', 'namelen', '65537'],
  [22, 'args.sqos.sending.tokenRate', 'tokenRate', '4294967296'],
  [22, 'args.calleeData.length', 'length', '1e308'],
  [24, 'args.value', 'value', '-2147483649'],
  [26, 'args.backlog', 'backlog', '2147483648'],
] as const;

/** `line:column` of the number written after `key: ` on that line (1-based, as editors count). */
function whereWritten(line: number, key: string, written: string): string {
  const text = CASE_FILE.split('\n')[line - 1] ?? '';
  const at = text.indexOf(`${key}: ${written}`);
  if (at < 0) throw new Error(`line ${line} has no ${key}: ${written}`);
  return `${line}:${at + key.length + 3}`;
}

describe('bounds of the numbers in a case', () => {
  it('lint refuses each number past its bound at file:line:column, with exit status 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wc-bounds-'));
    try {
      const file = join(dir, 'bounds.yaml');
      writeFileSync(file, CASE_FILE);
      const run = await runCli(['lint', file]);
      expect(run.status, run.stderr).to.equal(2);
      const problems = run.stderr.split('\n').filter((line) => line.includes('bounds.yaml:'));
      const reported = problems.map((line) => /bounds\.yaml:(\d+:\d+): "([^"]+)" must be .*an integer from .*, not \S+$/.exec(line)?.slice(1));
      expect(reported).to.deep.equal(EXPECTED.map(([line, path, key, written]) => [whereWritten(line, key, written), path]));
      expect(run.stderr).to.match(new RegExp(`^${EXPECTED.length} problem\\(s\\)$`, 'm'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('the schema and the run-time readers agree on every bound', () => {
    const step = compileSchema(caseSchemaDocument(), '#/definitions/step');
    const constant = (): number => 0;
    /** Whether the schema refuses `value` for the argument (problems elsewhere in the step, such as missing arguments, aside). */
    const schemaRefuses = (call: string, name: string, value: number): boolean => {
      step.validate({ call, args: { [name]: value } });
      return (step.validate.errors ?? []).some((error) => error.instancePath === `/args/${name}`);
    };
    const readerRefuses = (spec: ArgSpec, name: string, value: number): boolean => {
      try {
        readArgs({ [name]: spec }, { [name]: value }, constant);
        return false;
      } catch (error) {
        if (error instanceof ArgumentError) return true;
        throw error;
      }
    };
    const boundsOf = (spec: ArgSpec): Bounds | undefined => {
      if (spec.bounds !== undefined) return spec.bounds;
      if (spec.kind === 'count') return COUNT_BOUNDS;
      if (spec.kind === 'integer') return INT_BOUNDS;
      return (CONSTANT_GROUPS as readonly string[]).includes(spec.kind) ? CONSTANT_BOUNDS[spec.kind as ConstantGroup] : undefined;
    };

    for (const call of CALLS) {
      for (const [name, spec] of Object.entries(call.args)) {
        const bounds = boundsOf(spec);
        if (bounds === undefined) continue;
        it(`${call.name} ${name}: ${bounds.minimum} to ${bounds.maximum}`, () => {
          for (const edge of [bounds.minimum, bounds.maximum]) {
            expect(schemaRefuses(call.name, name, edge), `lint accepts ${edge}`).to.equal(false);
            expect(readerRefuses(spec, name, edge), `the run reads ${edge}`).to.equal(false);
          }
          for (const past of [bounds.minimum - 1, bounds.maximum + 1, 1e308, -1e308]) {
            expect(schemaRefuses(call.name, name, past), `lint refuses ${past}`).to.equal(true);
            expect(readerRefuses(spec, name, past), `the run refuses ${past} too (a reference may resolve to it)`).to.equal(true);
          }
        });
      }
    }
  });
});
