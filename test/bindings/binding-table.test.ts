/**
 * The bindings' tables of calls are checked by the compiler (binding-table.ts).
 * Each `@ts-expect-error` below compiles only while the compiler refuses the
 * table under it, so a BindingTable that stopped checking would fail the
 * build; the assertions show what each refused table would have let through.
 */
import { expect } from 'chai';
import { CALLS, isProviderCall } from '../../harness/language/calls/index.js';
import { isLacking, lacking, type BindingTable } from '../../harness/stacks/bindings/binding-table.js';
import { LIBC_CALLS, type LibcCall } from '../../harness/stacks/bindings/libc/calls.js';

type LibcTable = typeof LIBC_CALLS;

describe('binding tables (checked by the compiler)', () => {
  it('hold an entry for every provider call, made or lacked', () => {
    expect(Object.keys(LIBC_CALLS).sort()).to.deep.equal(CALLS.filter(isProviderCall).map((call) => call.name).sort());
  });

  it('refuse a table that leaves a call out', () => {
    const { bind, ...withoutBind } = LIBC_CALLS;
    // @ts-expect-error bind is missing: a new call is an error in every table until its binding decides.
    const table: LibcTable = withoutBind;
    expect(table).not.to.have.property('bind');
    expect(isLacking(bind)).to.equal(false);
  });

  it('refuse lacking a capability for a call that needs none', () => {
    // @ts-expect-error bind needs no capability: every binding must make it.
    const table: LibcTable = { ...LIBC_CALLS, bind: lacking('event-select') };
    expect(isLacking(table.bind)).to.equal(true);
  });

  it('refuse lacking a capability the call does not need', () => {
    // @ts-expect-error WSAEventSelect needs event-select, not async-select.
    const table: LibcTable = { ...LIBC_CALLS, WSAEventSelect: lacking('async-select') };
    expect(table.WSAEventSelect).to.deep.equal({ lacks: 'async-select' });
  });

  it('refuse lacking a capability the binding claims', () => {
    // @ts-expect-error a binding that claims event-select must make WSAEventSelect.
    const table: BindingTable<LibcCall, 'event-select'> = LIBC_CALLS;
    expect(table.WSAEventSelect).to.deep.equal({ lacks: 'event-select' });
  });
});
