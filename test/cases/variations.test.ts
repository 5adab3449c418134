/**
 * Variations: one case as written, one case per value of its dimensions,
 * each with its own id, title, tags, citations and substituted values, all
 * located where the case is written; and the mistakes the loader refuses.
 */
import { expect } from 'chai';
import type { Case } from '../../harness/language/cases/case.js';
import { variationId, variationsOf, variationTitle } from '../../harness/language/cases/variations.js';
import { casesSample, load } from './helpers.js';

const family = casesSample('variations/family.yaml');

function loadFamily(): Case[] {
  const { cases, messages } = load(family);
  expect(messages).to.deep.equal([]);
  return cases;
}

function byId(id: string): Case {
  const found = loadFamily().find((entry) => entry.id === id);
  if (found === undefined) throw new Error(`no case ${id}`);
  return found;
}

describe('variations: expansion', () => {
  it('makes one case per value, each id naming its variation, in the order of the values', () => {
    expect(loadFamily().map((entry) => entry.id)).to.deep.equal(['tcp.varied.ipv4', 'tcp.varied.ipv6', 'udp.only-ipv6.ipv6']);
  });

  it("appends the variation to the title in a few words, and its tag to the tags, in place of a tag written for another of the dimension's values", () => {
    expect(byId('tcp.varied.ipv4').title).to.equal('A blocking TCP connect succeeds (over IPv4)');
    expect(byId('tcp.varied.ipv6').title).to.equal('A blocking TCP connect succeeds (over IPv6)');
    expect(byId('tcp.varied.ipv4').tags).to.deep.equal(['tcp', 'ipv4']);
    expect(byId('tcp.varied.ipv6').tags).to.deep.equal(['tcp', 'ipv6']);
  });

  it('substitutes $family, $loopback and $unspecified in args and outcomes, and leaves $$ literals and references alone', () => {
    const [v4, v6] = [byId('tcp.varied.ipv4'), byId('tcp.varied.ipv6')];
    expect(v4.steps[0]?.args.af).to.equal('AF_INET');
    expect(v6.steps[0]?.args.af).to.equal('AF_INET6');
    expect(v4.steps[1]?.args.name).to.deep.equal({ family: 'AF_INET', address: '0.0.0.0', port: 0 });
    expect(v6.steps[1]?.args.name).to.deep.equal({ family: 'AF_INET6', address: '::', port: 0 });
    expect(v6.steps[3]?.expect).to.deep.equal([{ outcome: { returns: 0, name: { family: 'AF_INET6', address: '::1', port: '$server.port' } } }]);
    expect(v4.steps[3]?.expect).to.deep.equal([{ outcome: { returns: 0, name: { family: 'AF_INET', address: '127.0.0.1', port: '$server.port' } } }]);
    // Inside a list of alternatives, and a `$$` escape stays the literal it is.
    expect(v6.steps[2]?.expect?.[1]).to.deep.equal({ name: 'refused', outcome: { returns: 'SOCKET_ERROR', error: { not: '$$family' } } });
    expect(byId('udp.only-ipv6.ipv6').steps[2]?.args.data).to.equal('$$loopback');
  });

  it("gives a peer written without a family the variation's family, and keeps a family written out", () => {
    expect(byId('tcp.varied.ipv4').peers.map((peer) => [peer.name, peer.family])).to.deep.equal([['server', 'AF_INET'], ['other', 'AF_INET']]);
    expect(byId('tcp.varied.ipv6').peers.map((peer) => [peer.name, peer.family])).to.deep.equal([['server', 'AF_INET6'], ['other', 'AF_INET']]);
  });

  it('cites a clause limited with `when` only in the variations it names', () => {
    expect(byId('tcp.varied.ipv4').clauses.map((clause) => clause.id)).to.deep.equal(['return.success', 'param.name.ipv4']);
    expect(byId('tcp.varied.ipv6').clauses.map((clause) => clause.id)).to.deep.equal(['return.success', 'param.name.ipv6']);
  });

  it('locates every variation, and its steps, where the case is written', () => {
    const [v4, v6] = [byId('tcp.varied.ipv4'), byId('tcp.varied.ipv6')];
    expect(v4.location).to.deep.equal({ file: family, line: 5, column: 5 });
    expect(v6.location).to.deep.equal(v4.location);
    expect(v6.steps.map((step) => step.location.line)).to.deep.equal([22, 25, 27, 30]);
    expect(v6.steps.map((step) => step.location)).to.deep.equal(v4.steps.map((step) => step.location));
  });

  it('reports a duplicate id made by a variation where the case that makes it is written', () => {
    const { messages } = load(family, family);
    expect(messages).to.include(`${family}:5:9: duplicate case id "tcp.varied.ipv6"; first defined at ${family}:5; case ids must be unique across all files`);
  });

  it('leaves a case without variations as written: one case, its own id and title', () => {
    expect(variationsOf({})).to.deep.equal([{}]);
    expect(variationId('tcp.plain', {})).to.equal('tcp.plain');
    expect(variationTitle('Plain', {})).to.equal('Plain');
  });
});

describe('variations: the blocking mode', () => {
  const mode = casesSample('variations/mode.yaml');

  function loadMode(): Case[] {
    const { cases, messages } = load(mode);
    expect(messages).to.deep.equal([]);
    return cases;
  }

  it('keeps the id as written for the blocking variation, the mode a socket has as made, and appends `nonblocking` last', () => {
    expect(loadMode().map((entry) => entry.id).filter((id) => id.startsWith('tcp.moded'))).to.deep.equal(['tcp.moded.wsaconnect', 'tcp.moded.wsaconnect.nonblocking', 'tcp.moded.connect', 'tcp.moded.connect.nonblocking']);
  });

  it('tags both modes and names them in the title', () => {
    const [blocking, nonblocking] = loadMode();
    expect(blocking?.tags).to.deep.equal(['tcp', 'wsaconnect', 'blocking']);
    expect(nonblocking?.tags).to.deep.equal(['tcp', 'wsaconnect', 'nonblocking']);
    expect(nonblocking?.title).to.equal('A listening socket cannot connect (through WSAConnect, on a non-blocking socket)');
    expect(nonblocking?.variation?.values).to.deep.equal({ call: 'WSAConnect', mode: 'nonblocking' });
  });

  it("substitutes $nonblocking as FIONBIO's number, 0 or 1, not as text", () => {
    expect(loadMode().filter((entry) => entry.id.startsWith('tcp.moded')).map((entry) => entry.steps.find((step) => step.call === 'ioctlsocket')?.args.value)).to.deep.equal([0, 1, 0, 1]);
  });

  it('makes an excluded variation with its reason, and the others without one', () => {
    const excluding = loadMode().filter((entry) => entry.id.startsWith('tcp.excluding'));
    expect(excluding.map((entry) => [entry.id, entry.excluded])).to.deep.equal([['tcp.excluding.ipv4', undefined], ['tcp.excluding.ipv6', 'only 127.0.0.0/8 can be split']]);
  });
});

describe('variations: mistakes, each where it is written', () => {
  const bad = casesSample('bad/variations.yaml');

  it('refuses a variation name in a case without that dimension, a name that collides with one, a value with parts, a citation for no variation, an unknown dimension or value, a dimension the case never writes; and a problem all variations share, once', () => {
    expect(load(bad).messages).to.deep.equal([
      `${bad}:10:25: this citation holds only when family is AF_INET6, but the case does not vary over the address family; add \`variations: { family: [...] }\` to the case or remove \`when\``,
      `${bad}:18:58: $loopback stands for the loopback address of the family in each variation, but this case states no \`variations: { family: [AF_INET, AF_INET6] }\`; add it, or write the value itself (e.g. 127.0.0.1)`,
      `${bad}:25:25: this citation holds only when family is AF_INET6, which is not one of the case's values (AF_INET); no variation would cite it: add the value to the case's \`variations\` or drop the citation`,
      `${bad}:28:17: the peer "loopback" is named like a variation's value ($loopback); choose another name`,
      `${bad}:32:13: "as: family" is named like a variation's value ($family); choose another name`,
      `${bad}:35:47: $family.name: a variation's value has no parts; write $family`,
      `${bad}:42:37: "variations.family[1]" must be AF_INET or AF_INET6, not "AF_INET7"; did you mean "AF_INET"?`,
      `${bad}:42:48: unknown key "blocked" in variations; allowed: call, family, mode`,
      // Both variations of the last case have it; it is reported once, where it is written.
      `${bad}:58:30: "$nobody" refers to "nobody", which is not defined; defined before this step: s`,
      `${bad}:65:25: the case varies over the blocking mode but writes none of $nonblocking, so every variation would make the same calls; use it in a step or drop mode from \`variations\``,
      `${bad}:78:25: this exclusion holds only when family is AF_INET6, which is not one of the case's values (AF_INET); no variation would be excluded: add the value to the case's \`variations\` or drop the exclusion`,
    ]);
  });
});
