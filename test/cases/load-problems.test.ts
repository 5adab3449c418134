/**
 * The bad-input corpus: each sample has one kind of mistake, and the loader
 * must say exactly where it is and what to do about it.
 */
import { expect } from 'chai';
import { CALL_NAMES } from '../../harness/language/calls/index.js';
import { casesSample, load } from './helpers.js';

function problemsOf(...names: string[]): string[] {
  return load(...names.map((name) => casesSample(`bad/${name}`))).messages;
}

const bad = (name: string): string => casesSample(`bad/${name}`);

describe('loadCases: closed vocabularies and the format version', () => {
  it('rejects an unknown error name, constant or return value where it is written, with a did-you-mean', () => {
    expect(problemsOf('vocabulary.yaml')).to.deep.equal([
      `${bad('vocabulary.yaml')}:12:31: "args.level" must be SOL_SOCKET, IPPROTO_IP, IPPROTO_TCP, IPPROTO_IPV6, an integer from -2147483648 to 2147483647 or a $reference, not "SO_BROADCAST"`,
      `${bad('vocabulary.yaml')}:12:53: "args.option" must be a socket option by name (one of 19), an integer from -2147483648 to 2147483647 or a $reference, not "SO_BROADCST"; did you mean "SO_BROADCAST"?`,
      `${bad('vocabulary.yaml')}:15:49: "expect.error" must be a Winsock error name (one of 66) or not-matcher { not }, not "WSAEWOLDBLOCK"; did you mean "WSAEWOULDBLOCK"?`,
      `${bad('vocabulary.yaml')}:18:28: "expect.returns" must be socket, INVALID_SOCKET or not-matcher { not }, not "SOCKET_ERROR"`,
    ]);
  });

  it('refuses a case that would bind, connect or send outside loopback, at the address, and allows what sends nothing and IPv4-mapped loopback', () => {
    const why = 'cases send only to 127.0.0.0/8 and ::1 (see the traffic rule in cases/README.md)';
    expect(problemsOf('traffic.yaml')).to.deep.equal([
      `${bad('traffic.yaml')}:12:58: bind binds 10.0.0.1, which is not a loopback address; ${why}`,
      `${bad('traffic.yaml')}:14:58: WSAConnect connects to 192.0.2.1, outside loopback; ${why}`,
      `${bad('traffic.yaml')}:16:65: sendto sends to 255.255.255.255, outside loopback; ${why}`,
      // An IPv4-mapped address is the IPv4 address it carries: ::ffff:127.200.0.1 is loopback, ::ffff:192.0.2.1 is not.
      `${bad('traffic.yaml')}:24:59: connect connects to ::ffff:192.0.2.1, outside loopback; ${why}`,
    ]);
  });

  it('asks for the format version a file lacks, and refuses one this harness does not read', () => {
    expect(problemsOf('no-format.yaml')).to.deep.equal([`${bad('no-format.yaml')}:1:1: missing required key "format" in case file; write format: 1`]);
    expect(problemsOf('future-format.yaml')).to.deep.equal([`${bad('future-format.yaml')}:1:9: "format" must be 1, not 2`]);
  });
});

describe('loadCases: problems, each with file:line:column', () => {
  it('reports malformed YAML where the parser found it', () => {
    expect(problemsOf('malformed.yaml')).to.deep.equal([
      `${bad('malformed.yaml')}:4:5: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]`,
    ]);
  });

  it('reports a value of the wrong type, saying what is expected', () => {
    expect(problemsOf('wrong-type.yaml')).to.deep.equal([
      `${bad('wrong-type.yaml')}:5:14: "timeout" must be an integer from 1 to 600000, not "fast"`,
    ]);
  });

  it('reports an unknown key in a case at the key, with the allowed keys and a suggestion', () => {
    expect(problemsOf('unknown-key-in-case.yaml')).to.deep.equal([
      `${bad('unknown-key-in-case.yaml')}:2:5: missing required key "title" in case`,
      `${bad('unknown-key-in-case.yaml')}:3:5: unknown key "titel" in case; allowed: id, title, description, clauses, tags, timeout, network, ephemeralPorts, alone, peers, variations, excluded, steps; did you mean "title"?`,
    ]);
  });

  it('checks the quotes of a case whose other keys break the schema, so one pass shows every problem', () => {
    const problems = problemsOf('schema-and-quote.yaml');
    expect(problems.slice(0, 2)).to.deep.equal([
      `${bad('schema-and-quote.yaml')}:4:5: missing required key "title" in case`,
      `${bad('schema-and-quote.yaml')}:5:5: unknown key "titel" in case; allowed: id, title, description, clauses, tags, timeout, network, ephemeralPorts, alone, peers, variations, excluded, steps; did you mean "title"?`,
    ]);
    expect(problems.slice(2)).to.deep.equal([
      `${bad('schema-and-quote.yaml')}:6:45: the quote is not in the text of clause "return.blocking" of WSAConnect; quote part of it verbatim: "On a blocking socket, the return value indicates success or failure of the connection attempt."`,
    ]);
  });

  it('refuses ephemeral ports outside the private network, for a case not alone, or a range that ends before it begins', () => {
    expect(problemsOf('ephemeral-ports.yaml')).to.deep.equal([
      `${bad('ephemeral-ports.yaml')}:7:21: ephemeralPorts sets the range of the run's private network: give the case \`network: private\``,
      `${bad('ephemeral-ports.yaml')}:7:21: ephemeralPorts changes a setting every private case shares while this one runs: give the case \`alone: true\``,
      `${bad('ephemeral-ports.yaml')}:7:43: the range ends (40000) before it begins (40001): write the first port, then the last`,
    ]);
  });

  it('reports an unknown key in a step at the key', () => {
    expect(problemsOf('unknown-key-in-step.yaml')).to.deep.equal([
      `${bad('unknown-key-in-step.yaml')}:8:9: unknown key "expct" in step; allowed: call, args, as, expect, id; did you mean "expect"?`,
    ]);
  });

  it('reports an unknown call once, at its name, not once per known call', () => {
    expect(problemsOf('unknown-call.yaml')).to.deep.equal([
      `${bad('unknown-call.yaml')}:10:15: unknown call "WSAConect"; known: ${CALL_NAMES.join(', ')}; did you mean "WSAConnect"?`,
    ]);
  });

  it('reports a missing required argument of the call', () => {
    expect(problemsOf('missing-arg.yaml')).to.deep.equal([
      `${bad('missing-arg.yaml')}:10:15: missing required key "name" in args of WSAConnect`,
    ]);
  });

  it('reports an argument the call does not take, at the argument', () => {
    expect(problemsOf('unknown-arg.yaml')).to.deep.equal([
      `${bad('unknown-arg.yaml')}:14:11: unknown key "flags" in args of connect; allowed: s, name, namelen`,
    ]);
  });

  it('reports a reference to an undefined name, with what is defined', () => {
    expect(problemsOf('undefined-reference.yaml')).to.deep.equal([
      `${bad('undefined-reference.yaml')}:11:30: "$srever" refers to "srever", which is not defined; defined before this step: server, s; did you mean "server"?`,
    ]);
  });

  it('reports a reference used before the step whose `as` defines it', () => {
    expect(problemsOf('reference-before-as.yaml')).to.deep.equal([
      `${bad('reference-before-as.yaml')}:8:20: "$s" is used before it is defined: "as: s" is on a later step (line 11)`,
    ]);
  });

  it('reports a case id used in two files at the second, naming the first', () => {
    const { cases, messages } = load(bad('duplicate-case-id-a.yaml'), bad('duplicate-case-id-b.yaml'));
    expect(messages).to.deep.equal([
      `${bad('duplicate-case-id-b.yaml')}:4:9: duplicate case id "bad.duplicate-case-id"; first defined at ${bad('duplicate-case-id-a.yaml')}:2; case ids must be unique across all files`,
    ]);
    expect(cases.map((entry) => entry.location.file)).to.deep.equal([bad('duplicate-case-id-a.yaml')]);
  });

  it('reports two steps of a case with the same id', () => {
    expect(problemsOf('duplicate-step-id.yaml')).to.deep.equal([
      `${bad('duplicate-step-id.yaml')}:14:13: duplicate step id "first-connect": the step at line 10 has it too; give one of them a different "id"`,
    ]);
  });

  it('refuses an alias bomb at its first alias instead of expanding it', () => {
    expect(problemsOf('alias-bomb.yaml')).to.deep.equal([
      `${bad('alias-bomb.yaml')}:3:8: aliases expand too much (Excessive alias count indicates a resource exhaustion attack); write the values out instead`,
    ]);
  });

  it('reports an alternative name used twice in a step, a name that documents nothing, and a malformed name', () => {
    expect(problemsOf('alternative-names.yaml')).to.deep.equal([
      `${bad('alternative-names.yaml')}:16:19: the alternative name "rejected" is already used by alternative 1 of this step; give each its own`,
      `${bad('alternative-names.yaml')}:17:19: the alternative "anything" documents nothing besides its name, so it would match anything; say what it returns`,
      `${bad('alternative-names.yaml')}:24:24: "as" is not valid ("Not-A-Name"): an alternative is named with lower-case words and dashes, e.g. rejected or ignored`,
    ]);
  });

  it('reports an empty file at line 1, column 1', () => {
    expect(problemsOf('empty.yaml')).to.deep.equal([
      `${bad('empty.yaml')}:1:1: file is empty; it should hold a \`cases:\` list`,
    ]);
  });

  it('collects the problems of all files in one run', () => {
    expect(problemsOf('wrong-type.yaml', 'malformed.yaml', 'empty.yaml')).to.have.length(3);
  });

  it('still loads the good files when one among them is bad', () => {
    const { cases, messages } = load(casesSample('valid/tcp.yaml'), bad('unknown-call.yaml'), casesSample('valid/udp.yaml'));
    expect(messages).to.have.length(1);
    expect(messages[0]).to.match(/unknown-call\.yaml:10:15: unknown call "WSAConect"/);
    expect(cases.map((entry) => entry.id)).to.deep.equal([
      'tcp.blocking.connects-and-binds',
      'tcp.nonblocking.connect-again-while-pending',
      'udp.connect-sets-default-destination',
    ]);
  });
});
