/** The capabilities a case needs come from its calls' declarations: WSAEventSelect and WSAAsyncSelect need their own. */
import { expect } from 'chai';
import { BINDINGS, type BindingDescription } from '../../harness/stacks/bindings/catalogue.js';
import { CALLS } from '../../harness/language/calls/index.js';
import { capabilityGap } from '../../harness/run/runner/capabilities.js';
import { CAPABILITY_NAMES, type Capability } from '../../harness/language/vocabulary/capabilities.js';
import { makeCase, step } from './helpers.js';

function without(capability: Capability): BindingDescription {
  return { ...BINDINGS.winsock, capabilities: new Set(CAPABILITY_NAMES.filter((name) => name !== capability)) };
}

describe('capabilityGap: network event calls', () => {
  it('asks event-select of every call made for WSAEventSelect, and async-select of every call made for WSAAsyncSelect', () => {
    const needing = (capability: Capability) => CALLS.filter((call) => call.needs === capability).map((call) => call.name);
    expect(needing('event-select')).to.deep.equal(['WSACreateEvent', 'WSAEventSelect', 'WSAWaitForMultipleEvents', 'WSAEnumNetworkEvents', 'WSACloseEvent']);
    expect(needing('async-select')).to.deep.equal(['createMessageWindow', 'WSAAsyncSelect', 'waitForMessage']);
  });

  it('skips a case that creates an event on a binding without event-select, saying why', () => {
    const eventCase = makeCase('fake.event', [step('WSACreateEvent', {}, { as: 'e' })]);
    expect(capabilityGap(eventCase, without('event-select'))).to.match(/^step WSACreateEvent calls WSACreateEvent, which needs network events signalled on event objects/);
    expect(capabilityGap(eventCase, BINDINGS.winsock)).to.equal(undefined);
  });

  it('skips a case that makes a window on a binding without async-select', () => {
    const windowCase = makeCase('fake.window', [step('createMessageWindow', {}, { as: 'w' })]);
    expect(capabilityGap(windowCase, without('async-select'))).to.match(/needs network events posted as window messages/);
  });
});
