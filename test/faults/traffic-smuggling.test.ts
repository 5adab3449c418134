/**
 * Faults: addresses that try to smuggle traffic past the traffic guard. A
 * name is judged by its bytes as the stack reads them — the family in its
 * first two bytes, whatever the case's text says — at three places: `lint`
 * (fields that do not belong to the family), the runner's guard (the bytes
 * read back), and the binding's encoder (bytes that would lead elsewhere than
 * the address written are never passed).
 */
import { expect } from 'chai';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { nameArgument } from '../../harness/language/calls/address-buffers.js';
import { ArgumentError, readArgs } from '../../harness/language/calls/arguments.js';
import { WSAConnect } from '../../harness/language/calls/wsa-connect.js';
import { hostAbi, hostFamilies } from '../../harness/common/net/host-abi.js';
import { encodeSockaddr, WINSOCK_FAMILIES, type SockAddr } from '../../harness/common/net/sockaddr.js';
import { sockaddrDestination } from '../../harness/common/net/sockaddr-destination.js';
import { HOST_WINE_LOADER } from '../../harness/stacks/providers/wine/host-wine.js';
import { TrafficGuard } from '../../harness/run/runner/traffic-guard.js';
import { readResults } from '../../reporters/results-jsonl.js';
import { PROJECT_ROOT, runCli } from '../integration/cli.js';

/** 10.1.2.3 as a 32-bit number: what a sockaddr_in6's flowinfo spells where a sockaddr_in's address sits. */
const TEN_ONE_TWO_THREE = 0x0a010203;
/** 192.168.77.1, the address a sendto reached in the attempt. */
const PRIVATE_HOST = 0xc0a84d01;
const LINUX_FAMILIES = hostFamilies(hostAbi('linux', 'LE'));
const STACKS = [
  { name: 'Winsock', families: WINSOCK_FAMILIES },
  { name: 'Linux', families: LINUX_FAMILIES },
] as const;

/** A sockaddr_in6 for ::1 with a flowinfo, whose family bytes are then overwritten: what a careless encoder would pass. */
function sockaddrIn6WithFamily(family: number, flowinfo: number): Buffer {
  const bytes = encodeSockaddr({ family: 'AF_INET6', address: '::1', port: 9, flowinfo }, WINSOCK_FAMILIES);
  bytes.writeUInt16LE(family, 0);
  return bytes;
}

describe('faults: traffic smuggled in the fields of a socket address', () => {
  describe('the bytes, read as a stack reads them', () => {
    it('reads a sockaddr_in6 whose family says AF_INET as the IPv4 address its flowinfo spells', () => {
      for (const { name, families } of STACKS) {
        const read = sockaddrDestination(sockaddrIn6WithFamily(families.AF_INET, TEN_ONE_TWO_THREE), families);
        expect(read, name).to.deep.equal({ readAs: 'AF_INET', address: '10.1.2.3', place: 'elsewhere' });
      }
    });

    it('judges AF_UNSPEC and unknown families by the worse of both readings', () => {
      const unspec = sockaddrDestination(sockaddrIn6WithFamily(0, PRIVATE_HOST), WINSOCK_FAMILIES);
      expect(unspec).to.deep.equal({ readAs: 'AF_UNSPEC', address: '192.168.77.1 or ::1', place: 'elsewhere' });
      const unknown = sockaddrDestination(encodeSockaddr({ family: 1234, address: '2001:db8::1', port: 9 }, WINSOCK_FAMILIES), WINSOCK_FAMILIES);
      expect(unknown.place).to.equal('elsewhere');
      const zeros = sockaddrDestination(Buffer.alloc(28), WINSOCK_FAMILIES);
      expect(zeros.place, 'the all-zero name').to.equal('unspecified');
    });

    it("reads Linux's AF_INET6 (10) as an unknown family under Winsock's numbers, and the other way round", () => {
      const linuxName = encodeSockaddr({ family: 'AF_INET6', address: '::1', port: 9, flowinfo: TEN_ONE_TWO_THREE }, LINUX_FAMILIES);
      expect(sockaddrDestination(linuxName, LINUX_FAMILIES).place).to.equal('loopback');
      expect(sockaddrDestination(linuxName, WINSOCK_FAMILIES).place).to.equal('elsewhere');
    });

    it('reads IPv4-mapped IPv6 addresses as the IPv4 address they map', () => {
      const mapped = (address: string) => sockaddrDestination(encodeSockaddr({ family: 'AF_INET6', address, port: 9 }, WINSOCK_FAMILIES), WINSOCK_FAMILIES);
      expect(mapped('::ffff:127.0.0.1').place).to.equal('loopback');
      expect(mapped('::ffff:192.168.77.1').place).to.equal('elsewhere');
      expect(mapped('::ffff:c0a8:4d01').place).to.equal('elsewhere');
    });
  });

  describe("the runner's guard", () => {
    const attempts: readonly { readonly call: string; readonly args: Record<string, unknown>; readonly refusal: RegExp }[] = [
      {
        call: 'WSAConnect',
        args: { s: 7, name: { family: 'AF_INET', address: '::1', port: 9, flowinfo: TEN_ONE_TWO_THREE } },
        refusal: /WSAConnect's address cannot be laid out as written: AF_INET takes an IPv4 address/,
      },
      {
        call: 'connect',
        args: { s: 7, name: { family: 2, address: '::1', port: 9, flowinfo: TEN_ONE_TWO_THREE } },
        refusal: /^connect connects to 10\.1\.2\.3 \(the name's bytes as the stack reads them: AF_INET; the case wrote .*\), outside loopback$/,
      },
      {
        call: 'sendto',
        args: { s: 7, data: 'x', to: { family: 'AF_UNSPEC', address: '::1', port: 9, flowinfo: PRIVATE_HOST } },
        refusal: /^sendto sends to 192\.168\.77\.1 or ::1 .*, outside loopback$/,
      },
      {
        call: 'sendto',
        args: { s: 7, data: 'x', to: { family: 'AF_INET6', address: '::ffff:192.168.77.1', port: 9 } },
        refusal: /^sendto sends to ::ffff:192\.168\.77\.1, outside loopback$/,
      },
      {
        call: 'bind',
        args: { s: 7, name: { family: 2, address: '::', port: 0, flowinfo: PRIVATE_HOST } },
        refusal: /^bind binds 192\.168\.77\.1 .*, which is not a loopback address$/,
      },
    ];

    for (const { call, args, refusal } of attempts) {
      it(`refuses ${call} with ${JSON.stringify(Object.values(args).at(-1))} under both stacks' numbers`, () => {
        for (const { name, families } of STACKS) {
          const guard = new TrafficGuard(families);
          guard.observe('socket', { af: 'AF_INET6', type: 'SOCK_DGRAM', protocol: 'IPPROTO_UDP' }, { returns: 'socket', handle: 7 });
          expect(guard.check(call, args), name).to.match(refusal);
        }
      });
    }

    it('still lets the names the page needs through: ::1 with flowinfo and scope id, the 28-byte all-zero name', () => {
      for (const { name, families } of STACKS) {
        const guard = new TrafficGuard(families);
        expect(guard.check('WSAConnect', { s: 7, name: { family: 'AF_INET6', address: '::1', port: 9, flowinfo: 0x12345, scopeId: 1 } }), name).to.equal(undefined);
        expect(guard.check('WSAConnect', { s: 7, name: { family: 'AF_UNSPEC', address: '::', port: 0 } }), name).to.equal(undefined);
        expect(guard.check('WSAConnect', { s: 7, name: { family: 'AF_UNSPEC', address: '0.0.0.0', port: 0 } }), name).to.equal(undefined);
      }
    });
  });

  describe("the binding's encoder, a backstop behind the guard", () => {
    it('refuses to read an AF_INET name with IPv6 text or a flowinfo', () => {
      const read = (name: SockAddr) => () => readArgs(WSAConnect.args, { s: 7, name }, () => undefined);
      expect(read({ family: 'AF_INET', address: '::1', port: 9, flowinfo: TEN_ONE_TWO_THREE })).to.throw(ArgumentError, 'AF_INET takes an IPv4 address (sockaddr_in), not "::1"');
      expect(read({ family: 'AF_INET', address: '127.0.0.1', port: 9, flowinfo: TEN_ONE_TWO_THREE })).to.throw(ArgumentError, 'flowinfo belongs to sockaddr_in6');
      expect(read({ family: 'AF_INET6', address: '127.0.0.1', port: 9 })).to.throw(ArgumentError, 'AF_INET6 takes an IPv6 address');
      expect(read({ family: 65536 + 2, address: '127.0.0.1', port: 9 }), 'a family wider than sa_family').to.throw(ArgumentError, 'does not fit sa_family, a u_short (0 to 65535)');
    });

    it('never passes bytes that a stack reads as another address than the one written', () => {
      for (const { name, families } of STACKS) {
        const smuggled = { family: families.AF_INET, address: '::1', port: 9, flowinfo: TEN_ONE_TWO_THREE };
        expect(() => nameArgument(smuggled, undefined, families), name).to.throw(ArgumentError, `the stack would read these bytes as AF_INET 10.1.2.3, not ::1`);
        expect(nameArgument({ family: families.AF_INET6, address: '::1', port: 9 }, undefined, families).namelen, name).to.equal(28);
      }
    });
  });

  describe('lint, and a run where the address comes from a reference', function () {
    this.timeout(120_000);
    let dir: string;

    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'wsc-smuggling-'));
    });

    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    function caseFile(steps: string): string {
      mkdirSync(join(dir, 'cases'));
      const file = join(dir, 'cases', 'smuggling.yaml');
      writeFileSync(
        file,
        [
          'format: 1',
          'cases:',
          '  - id: smuggling.attempt',
          '    title: An address that smuggles another',
          '    clauses: [{ page: WSAConnect, id: errors.WSAECONNREFUSED, quote: "The attempt to connect was rejected." }]',
          '    peers: { peer: { kind: udp-peer, family: AF_INET6 } }',
          '    steps:',
          '      - call: socket',
          '        args: { af: AF_INET6, type: SOCK_DGRAM, protocol: IPPROTO_UDP }',
          '        as: s',
          steps,
          '',
        ].join('\n'),
      );
      return file;
    }

    it("refuses each written-out attempt at its field's line and column", async () => {
      const file = caseFile(
        [
          '      - call: WSAConnect',
          '        args: { s: $s, name: { family: AF_INET, address: "::1", port: 9, flowinfo: 167838211 } }',
          '      - call: sendto',
          '        args: { s: $s, data: x, to: { family: AF_INET, address: 127.0.0.1, port: 9, scopeId: 3 } }',
          '      - call: connect',
          '        args: { s: $s, name: { family: 2, address: "::1", port: 9, flowinfo: 167838211 } }',
          '      - call: sendto',
          '        args: { s: $s, data: x, to: { family: AF_UNSPEC, address: "::", port: 9, flowinfo: 3232255233 } }',
        ].join('\n'),
      );
      const lint = await runCli(['lint', file]);
      expect(lint.status, lint.stdout + lint.stderr).to.equal(2);
      const output = lint.stdout + lint.stderr;
      // Paths are printed relative to the working directory, the project's root here.
      const shown = relative(PROJECT_ROOT, file);
      expect(output).to.include(`${shown}:12:58: AF_INET takes an IPv4 address (sockaddr_in), not "::1"`);
      expect(output).to.include(`${shown}:14:94: scopeId belongs to sockaddr_in6; AF_INET (sockaddr_in) has no such field`);
      expect(output).to.include(`${shown}:16:52: connect connects to 10.1.2.3 (the name's bytes as the stack reads them: AF_INET;`);
      expect(output).to.include(`${shown}:18:67: sendto sends to 192.168.77.1 or :: (the name's bytes as the stack reads them: AF_UNSPEC, read both as sockaddr_in and as sockaddr_in6;`);
      expect(output).to.include('4 problem(s)');
    });

    for (const provider of ['posix', 'wine'] as const) {
      it(`ends a run-time attempt (the address from a peer) as ERROR before the call, on ${provider}`, async function () {
        if (process.platform !== 'linux' || (provider === 'wine' && !existsSync(HOST_WINE_LOADER))) this.skip();
        caseFile(
          [
            '      - call: WSAConnect',
            '        id: smuggle',
            '        args: { s: $s, name: { family: 2, address: $peer.address, port: $peer.port, flowinfo: 167838211 } }',
            '        expect: { returns: 0 }',
          ].join('\n'),
        );
        const out = join(dir, 'out');
        const run = await runCli(['run', '--provider', provider, '--cases', join(dir, 'cases'), '--out', out, '--reporter', 'console']);
        expect(run.status, run.stdout + run.stderr).to.equal(1);
        const [result] = readResults(join(out, 'results.jsonl')).cases;
        expect(result?.verdict).to.equal('ERROR');
        expect(result?.message).to.match(/smuggle: the traffic guard refused the call: WSAConnect connects to 10\.1\.2\.3 \(the name's bytes as the stack reads them: AF_INET/);
        expect(result?.checks.map((check) => check.stepId), 'the call was never made').to.deep.equal(['socket']);
      });
    }
  });
});
