import { expect } from 'chai';
import { findCaseFiles } from '../../harness/language/cases/load.js';
import { CASES_DIR, WINDOWS_REFERENCES_FILE } from '../../harness/common/project-paths.js';
import { findErrata } from '../../harness/judging/windows-reference/errata.js';
import { loadReferences } from '../../harness/judging/windows-reference/load.js';
import { errataText } from '../../reporters/errata-views.js';
import { load, PROJECT_ROOT } from '../cases/helpers.js';

describe('findErrata', () => {
  it('finds the steps where no outcome Windows gives is one the page allows, and no others', () => {
    const { cases } = load('test/references/samples/cases.yaml');
    const { references } = loadReferences('test/references/samples/valid.yaml', PROJECT_ROOT, cases);
    const errata = findErrata(cases, references);
    expect(errata.map((erratum) => [erratum.case.id, erratum.step, erratum.documented, erratum.reference.windows])).to.deep.equal([
      ['udp.broadcast', 'WSAConnect', [{ returns: 'SOCKET_ERROR', error: 'WSAEACCES' }], [{ returns: 0 }]],
    ]);
    expect(errata[0]?.case.clauses.map((clause) => clause.id)).to.deep.equal(['remarks.dgram.broadcast']);
    expect(errata[0]?.note).to.equal('The page says WSAEACCES.');
  });

  it("finds in the suite's references the broadcast connect that Windows allows without SO_BROADCAST", () => {
    const { cases } = load(...findCaseFiles(CASES_DIR));
    const errata = findErrata(cases, loadReferences(WINDOWS_REFERENCES_FILE, PROJECT_ROOT, cases).references);
    expect(errata.map((erratum) => `${erratum.case.id} ${erratum.step}`)).to.include('udp.broadcast-without-so-broadcast-is-wsaeacces.connect.ipv4 call');
    const text = errataText(errata);
    expect(text).to.match(/^\d+ documentation errat(um|a): /);
    expect(text).to.contain('  page:    SOCKET_ERROR WSAEACCES (connect/remarks.dgram.broadcast, connect/errors.WSAEACCES)\n  windows: 0\n');
  });
});
