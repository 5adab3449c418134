/** A case's clauses must be catalogued (spec/clauses.yaml), and each quote part of its clause's text. */
import { expect } from 'chai';
import { casesSample, load } from './helpers.js';

describe('loadCases: clauses cited against the catalogue', () => {
  const file = casesSample('bad/clauses.yaml');

  it('reports a clause id the catalogue lacks at the id, suggesting the nearest id', () => {
    expect(load(file).messages.slice(0, 2)).to.deep.equal([
      `${file}:7:13: clause "remarks.stream.reconect" is not in the catalogue; did you mean "remarks.stream.reconnect"?`,
      `${file}:9:13: clause "remarks.no-such-clause" is not in the catalogue; the ids are listed in spec/clauses.yaml`,
    ]);
  });

  it("reports a quote that is not in its clause's text at the quote, showing the text shortened", () => {
    expect(load(file).messages[2]).to.equal(
      `${file}:12:16: the quote is not in the text of clause "errors.WSAEFAULT"; quote part of it verbatim: ` +
        '"The name or the namelen parameter is not a valid part of the user address space, the namelen parame…"',
    );
  });

  it('says when a quote differs from the text only in spacing (the page has no-break spaces)', () => {
    expect(load(file).messages[3]).to.match(
      /^test\/cases\/samples\/bad\/clauses\.yaml:14:16: the quote is not in the text of clause "remarks\.prefer-connect-by-list" \(it differs only in spacing: the page has no-break spaces in places\); quote part of it verbatim: "For applications targeted to Windows\u00A0Vista/,
    );
  });

  it('accepts a quote that is part of the text, and keeps no case with a bad citation', () => {
    const loaded = load(file);
    expect(loaded.messages).to.have.length(4);
    expect(loaded.cases).to.deep.equal([]);
  });
});
