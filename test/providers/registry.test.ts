/** The registry of providers: the one list of names, and which of them are Winsock. */
import { expect } from 'chai';
import { createProvider, defaultProviderName, PROVIDER_NAMES, WINSOCK_PROVIDERS } from '../../harness/stacks/providers/registry.js';

describe('the provider registry', () => {
  it('creates each provider it names, answering to that name', () => {
    expect(PROVIDER_NAMES.map((name) => createProvider(name)?.name)).to.deep.equal(PROVIDER_NAMES);
    expect(PROVIDER_NAMES).to.include(defaultProviderName());
  });

  it('counts as Winsock exactly the providers whose worker runs the Winsock binding', () => {
    const winsock = PROVIDER_NAMES.filter((name) => createProvider(name)?.binding.name === 'winsock');
    expect(WINSOCK_PROVIDERS).to.deep.equal(winsock).and.to.include.members(['wine', 'native']).and.not.include('posix');
  });

  it('creates nothing for a name it does not hold', () => {
    expect(createProvider('toString')).to.equal(undefined);
    expect(createProvider('wyne')).to.equal(undefined);
  });
});
