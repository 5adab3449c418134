/** Checks on names that the schema cannot make: clashes, parts, the kind an argument takes, and peers by name. */
import { expect } from 'chai';
import { casesSample, load } from './helpers.js';

describe('loadCases: names and references', () => {
  const file = casesSample('bad/names.yaml');

  it('explains each misuse of a name where it is written', () => {
    expect(load(file).messages).to.deep.equal([
      `${file}:10:13: "as: server" is already defined by the peer "server" (line 6); choose another name`,
      `${file}:15:20: "$server" is a peer, but "s" takes a socket: a name kept with "as" on a step that creates one (socket, WSASocket, accept)`,
      `${file}:15:35: "$server.prt": a peer's address has the parts family, address, port, not "prt"; did you mean "port"?`,
      `${file}:17:20: "$s.handle": "s" is a socket, which has no parts; write $s`,
      `${file}:17:65: AF_INET takes an IPv4 address (sockaddr_in), not "$literal"; write only the fields of the family the address belongs to: the stack reads the bytes by their family, whatever the text says`,
      `${file}:17:82: "$a..b" is not a valid reference: write $name or $name.part.part (and $$ for a literal $)`,
      `${file}:20:13: "as: s" is already defined by the step at line 13; choose another name`,
      `${file}:22:23: "peer: s" names no peer of this case; its peers: server`,
      `${file}:23:28: "$self" refers to this step's own result ("as: self"), which only exists once the step has run`,
      `${file}:26:23: "peer: server" is a tcp-listener; peer.datagrams reads what a udp-peer has received`,
    ]);
  });

  it('does not load a case that has such problems', () => {
    expect(load(file).cases).to.deep.equal([]);
  });
});

describe('loadCases: the resources a case keeps (sockets, events, windows)', () => {
  const file = casesSample('bad/resources.yaml');

  it('names the kind each argument takes, and what the reference names instead, at the reference', () => {
    expect(load(file).messages).to.deep.equal([
      `${file}:15:20: "$e" is an event, but "s" takes a socket: a name kept with "as" on a step that creates one (socket, WSASocket, accept)`,
      `${file}:15:31: "$s" is a socket, but "event" takes an event: a name kept with "as" on a step that creates one (WSACreateEvent)`,
      `${file}:17:30: "$server" is a peer, but "events" takes an event: a name kept with "as" on a step that creates one (WSACreateEvent)`,
      `${file}:17:39: "$e.handle": "e" is an event, which has no parts; write $e`,
      `${file}:21:32: "$e" is an event, but "window" takes a window: a name kept with "as" on a step that creates one (createMessageWindow)`,
      `${file}:23:24: "$w" is a window, but "event" takes an event: a name kept with "as" on a step that creates one (WSACreateEvent)`,
    ]);
  });
});

describe('loadCases: values with several forms', () => {
  const file = casesSample('bad/nested.yaml');

  it('explains the form that was used, not every form that was not', () => {
    expect(load(file).messages).to.deep.equal([
      `${file}:6:17: "tags" lists "tcp" more than once`,
      `${file}:7:44: unknown key "famly" in peer; allowed: kind, family; did you mean "family"?`,
      `${file}:10:21: "args.af" must be AF_INET, AF_INET6, AF_UNSPEC, an integer from -2147483648 to 2147483647 or a $reference, not "AF_INTE"; did you mean "AF_INET"?`,
      `${file}:13:75: "args.name.port" must be an integer from 0 to 65535 or a $reference, not 70000`,
      `${file}:13:82: unknown key "prot" in socket address; allowed: family, address, port, flowinfo, scopeId`,
      `${file}:15:24: "returns" must be SOCKET_ERROR, an integer from -2147483648 to 2147483647, a $reference or not-matcher { not }, not "SOCKETERROR"; did you mean "SOCKET_ERROR"?`,
      `${file}:16:38: unknown key "eror" in outcome of WSAConnect; allowed: returns, error, calleeData, calleeWsabuf, as; did you mean "error"?`,
      `${file}:18:9: "args" must be args of connect { s, name, namelen? }, not null`,
      `${file}:19:17: "expect" must list at least 1 item`,
      `${file}:21:23: "args.peer" is not valid ("$server"): the peer is named as under \`peers\`, without \`$\``,
    ]);
  });
});
