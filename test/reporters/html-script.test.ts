/**
 * Runs the report's inline filter script against a minimal stand-in for
 * the DOM (no browser here): the fake offers exactly what the script uses.
 */
import { expect } from 'chai';

import { REPORT_SCRIPT } from '../../reporters/html-assets.js';

type Listener = () => void;

class FakeElement {
  hidden = false;
  textContent = '';
  value = '';
  private readonly attributes = new Map<string, string>();
  private readonly listeners = new Map<string, Listener[]>();
  constructor(readonly dataset: { readonly [key: string]: string } = {}) {}

  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }

  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }

  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  dispatch(type: string): void {
    for (const listener of this.listeners.get(type) ?? []) listener();
  }
}

function fakeReport() {
  const row = (verdict: string, text: string): FakeElement => Object.assign(new FakeElement({ verdict }), { textContent: text });
  const button = (verdict: string, accepted: boolean): FakeElement => {
    const element = new FakeElement({ verdict, accepted: String(accepted) });
    element.setAttribute('aria-pressed', 'true');
    return element;
  };
  const rows = [row('PASS', 'tcp.one WSAConnect'), row('FAIL', 'tcp.two WSAConnect'), row('KNOWN', 'udp.three sendto')];
  const filters = [button('PASS', true), button('FAIL', false), button('KNOWN', true)];
  const byId = new Map(
    ['controls', 'case-search', 'shown-count', 'show-all', 'show-red'].map((id) => [id, new FakeElement()] as const),
  );
  const controls = byId.get('controls');
  if (controls !== undefined) controls.hidden = true;
  const document = {
    getElementById: (id: string) => byId.get(id) ?? null,
    querySelectorAll: (selector: string) => (selector === '#cases tbody tr' ? rows : selector === '.filters button' ? filters : []),
  };
  new Function('document', REPORT_SCRIPT)(document);
  const element = (id: string): FakeElement => {
    const found = byId.get(id);
    if (found === undefined) throw new Error(id);
    return found;
  };
  const visible = (): string[] => rows.filter((r) => !r.hidden).map((r) => r.textContent.split(' ')[0] ?? '');
  return { rows, filters, element, visible };
}

describe('report.html filter script', () => {
  it('shows the controls and every case at first', () => {
    const report = fakeReport();
    expect(report.element('controls').hidden).to.equal(false);
    expect(report.visible()).to.deep.equal(['tcp.one', 'tcp.two', 'udp.three']);
    expect(report.element('shown-count').textContent).to.equal('3 of 3 cases shown');
  });

  it('hides the cases of a verdict whose button is released, and shows them again', () => {
    const report = fakeReport();
    report.filters[0]?.dispatch('click');
    expect(report.filters[0]?.getAttribute('aria-pressed')).to.equal('false');
    expect(report.visible()).to.deep.equal(['tcp.two', 'udp.three']);
    report.filters[0]?.dispatch('click');
    expect(report.visible()).to.deep.equal(['tcp.one', 'tcp.two', 'udp.three']);
  });

  it('filters by search text, case-insensitively, together with the verdicts', () => {
    const report = fakeReport();
    const search = report.element('case-search');
    search.value = '  WSACONNECT ';
    search.dispatch('input');
    expect(report.visible()).to.deep.equal(['tcp.one', 'tcp.two']);
    report.filters[1]?.dispatch('click');
    expect(report.visible()).to.deep.equal(['tcp.one']);
    expect(report.element('shown-count').textContent).to.equal('1 of 3 cases shown');
  });

  it('has presets for only the red verdicts and for all', () => {
    const report = fakeReport();
    report.element('show-red').dispatch('click');
    expect(report.visible()).to.deep.equal(['tcp.two']);
    report.element('show-all').dispatch('click');
    expect(report.visible()).to.deep.equal(['tcp.one', 'tcp.two', 'udp.three']);
  });
});
