/**
 * The memory the Winsock binding passes for what a provider writes after the
 * call returns (lpCalleeData, valid once FD_CONNECT has occurred): with the
 * real koffi and the host's C library standing in for the provider, native
 * code writes it through the pointer, and the binding reads it in place.
 */
import { expect } from 'chai';
import koffi from 'koffi';
import { hostAbi } from '../../harness/common/net/host-abi.js';
import { nativeMemory } from '../../harness/stacks/bindings/winsock/ws2-32.js';

describe("native memory for what a provider writes later (real koffi, the host's libc)", () => {
  const memset = koffi.load(hostAbi().library).func('void *memset(void *s, int c, size_t n)') as (s: unknown, c: number, n: number) => unknown;
  const memory = nativeMemory(koffi);

  it('is zeroed, at the address a structure pointing at it holds, and shows what native code writes, with no copy back', () => {
    const block = memory.alloc(16);
    try {
      expect(block.bytes).to.deep.equal(Buffer.alloc(16));
      expect(block.address).to.equal(koffi.address(block.pointer)).and.not.equal(0n);
      memset(block.pointer, 0xab, 4);
      expect(block.bytes.subarray(0, 5)).to.deep.equal(Buffer.from([0xab, 0xab, 0xab, 0xab, 0]));
      block.bytes.writeUInt32LE(0x01020304, 8);
      expect(koffi.decode(block.pointer, 8, 'uint32_t')).to.equal(0x01020304);
    } finally {
      memory.free(block);
    }
  });

  it('zeroes a block even where freed memory held bytes before it', () => {
    const first = memory.alloc(64);
    memset(first.pointer, 0xff, 64);
    memory.free(first);
    const second = memory.alloc(64);
    try {
      expect(second.bytes).to.deep.equal(Buffer.alloc(64));
    } finally {
      memory.free(second);
    }
  });
});
