/** A case cites clauses of the pages (spec/<page>/clauses.yaml): each page must be one of them, each id in its catalogue, each quote part of its clause's text. */
import { expect } from 'chai';
import { casesSample, load, specPages } from './helpers.js';

describe('loadCases: clauses cited against the catalogue', () => {
  const file = casesSample('bad/clauses.yaml');

  it('reports a clause id the catalogue lacks at the id, suggesting the nearest id', () => {
    expect(load(file).messages.slice(0, 2)).to.deep.equal([
      `${file}:7:13: clause "remarks.stream.reconect" is not in the catalogue of WSAConnect; did you mean "remarks.stream.reconnect"?`,
      `${file}:9:13: clause "remarks.no-such-clause" is not in the catalogue of WSAConnect; the ids are listed in spec/WSAConnect/clauses.yaml`,
    ]);
  });

  it("reports a quote that is not in its clause's text at the quote, showing the text shortened", () => {
    expect(load(file).messages[2]).to.equal(
      `${file}:12:16: the quote is not in the text of clause "errors.WSAEFAULT" of WSAConnect; quote part of it verbatim: ` +
        '"The name or the namelen parameter is not a valid part of the user address space, the namelen parame…"',
    );
  });

  it('says when a quote differs from the text only in spacing (the page has no-break spaces)', () => {
    expect(load(file).messages[3]).to.match(
      /^test\/cases\/samples\/bad\/clauses\.yaml:14:16: the quote is not in the text of clause "remarks\.prefer-connect-by-list" of WSAConnect \(it differs only in spacing: the page has no-break spaces in places\); quote part of it verbatim: "For applications targeted to Windows\u00A0Vista/,
    );
  });

  it('accepts a quote that is part of the text, and keeps no case with a bad citation', () => {
    const loaded = load(file);
    expect(loaded.messages).to.have.length(4);
    expect(loaded.cases).to.deep.equal([]);
  });
});

describe('loadCases: where the page disagrees with itself', () => {
  it('refuses a case citing two sides of one disagreement at the second, naming the disagreement', () => {
    const file = casesSample('bad/both-sides.yaml');
    expect(load(file).messages).to.deep.equal([
      `${file}:9:13: "remarks.lpGQOS.ignored" and "errors.WSAEINVAL.gqos" are two sides of the page's disagreement lpGQOS-not-null (spec/WSAConnect/clauses.yaml); cite one side per case, and hold the other in a case of its own`,
    ]);
  });
});

describe('loadCases: where the pages disagree with each other', () => {
  const file = casesSample('bad/both-pages-sides.yaml');

  it('refuses the variation that cites both sides, naming the pages and the disagreement, and keeps the one that cites one', () => {
    const loaded = load(file);
    expect(loaded.messages[0]).to.equal(
      `${file}:10:13: "connect/remarks.dgram.disconnect" and "WSAConnect/remarks.dgram.disconnect" are two sides of the pages' disagreement dgram-zero-address-name (spec/connect/clauses.yaml); cite one side per case, and hold the other in a case of its own`,
    );
    expect(loaded.cases.map((testCase) => testCase.id)).to.deep.equal(['bad.both-pages-sides.connect']);
  });

  it('takes two sides cited in different variations as one each, even in a case a schema problem keeps from being varied', () => {
    const loaded = load(file);
    expect(loaded.messages.slice(1)).to.have.length(1);
    expect(loaded.messages[1]).to.match(/^test\/cases\/samples\/bad\/both-pages-sides\.yaml:32:5: unknown key "stpes"/);
  });

  it("finds the project's cases holding one side each: none is refused", () => {
    const { messages } = load(casesSample('../../../cases/udp.yaml'), casesSample('../../../cases/family-disagreements.yaml'));
    expect(messages).to.deep.equal([]);
  });
});

describe('loadCases: the page each citation cites', () => {
  it('asks which page a citation cites when neither it nor its file names one', () => {
    const file = casesSample('bad/pages.yaml');
    expect(load(file).messages[0]).to.equal(
      `${file}:7:13: clause "return.success" of which page? Say \`page: NAME\` at the top of the file (the page most of its cases cite) or in this citation`,
    );
  });

  it("reports a citation's page that is not a folder of spec/ at its page, with a did-you-mean or the pages there are", () => {
    const file = casesSample('bad/pages.yaml');
    const loaded = load(file);
    expect(loaded.messages.slice(1)).to.deep.equal([
      `${file}:14:15: page "WSAConect" is not a folder of spec/; did you mean "WSAConnect"?`,
      `${file}:17:15: page "listen" is not a folder of spec/; the pages are ${specPages().pages.map((page) => page.name).join(', ')}`,
    ]);
    expect(loaded.cases).to.deep.equal([]);
  });

  it("reports a file's page that is not a folder of spec/ once, at the file's page, and keeps none of its cases", () => {
    const file = casesSample('bad/unknown-file-page.yaml');
    const loaded = load(file);
    expect(loaded.messages).to.deep.equal([`${file}:3:7: page "WSAconnect" is not a folder of spec/; did you mean "WSAConnect"?`]);
    expect(loaded.cases).to.deep.equal([]);
  });

  it("gives each citation its own page, else its file's", () => {
    const [testCase] = load(casesSample('valid/tcp.yaml')).cases;
    expect(testCase?.clauses.map((citation) => citation.page)).to.deep.equal(['WSAConnect']);
  });
});
