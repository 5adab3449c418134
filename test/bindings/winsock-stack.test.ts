import { expect } from 'chai';
import { describeWinsockStack } from '../../harness/stacks/bindings/winsock/stack.js';

describe('describeWinsockStack', () => {
  it("names Windows by its product and version, and splits out the build", () => {
    expect(describeWinsockStack({ release: '10.0.22631', productName: 'Windows 11 Pro' }, undefined)).to.deep.equal({
      version: 'Windows 11 Pro 10.0.22631',
      stack: { kind: 'windows', windowsVersion: '10.0.22631', windowsBuild: 22631, windowsEdition: 'Windows 11 Pro' },
    });
  });

  it('names Wine by its version and what it reports, with its build and its host kernel when Wine says them', () => {
    const described = describeWinsockStack(
      { release: '10.0.18362', productName: 'Microsoft Windows 7' },
      { version: '8.0', build: 'wine-8.0 (Debian 8.0~repack-4)', host: 'Linux 6.1.0-18-amd64' },
    );
    expect(described).to.deep.equal({
      version: 'Wine 8.0 (reports Windows 10.0.18362)',
      stack: {
        kind: 'wine',
        windowsVersion: '10.0.18362',
        windowsBuild: 18362,
        windowsEdition: 'Microsoft Windows 7',
        wineVersion: '8.0',
        wineBuild: 'wine-8.0 (Debian 8.0~repack-4)',
        kernel: 'Linux 6.1.0-18-amd64',
      },
    });
    expect(describeWinsockStack({ release: 'odd', productName: '' }, { version: '9.0' }).stack).to.deep.equal({ kind: 'wine', windowsVersion: 'odd', wineVersion: '9.0' });
  });
});
