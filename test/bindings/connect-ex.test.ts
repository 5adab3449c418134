/**
 * ConnectEx and WSAGetOverlappedResult in the Winsock binding, against a fake
 * ws2_32: the pointer asked of WSAIoctl, the call through it with the
 * OVERLAPPED a case passes, the numbering of OVERLAPPEDs within a case, and
 * setsockopt without a value; and the traffic rule for a call that sends
 * data only when it is given some.
 */
import { expect } from 'chai';
import { ArgumentError } from '../../harness/language/calls/arguments.js';
import { trafficRefusal, trafficWith } from '../../harness/language/calls/traffic-rule.js';
import { addressClass } from '../../harness/common/net/address-class.js';
import { ConnectEx } from '../../harness/language/calls/connect-ex.js';
import type { WinsockBinding } from '../../harness/stacks/bindings/winsock/winsock-binding.js';
import { bindingOver, bufferArg, failingWith, FakeWinsock, SOCKET_ERROR } from './fake-winsock.js';

const S = 224;
const EVENT = 0x1234;
const SERVER = { family: 'AF_INET', address: '127.0.0.1', port: 5000 } as const;
const WSA_IO_PENDING = 997;
const WSAENOTSOCK = 10038;
const WSAECONNREFUSED = 10061;
/** WSAID_CONNECTEX as it lies in memory. */
const WSAID_CONNECTEX_BYTES = 'b907a225f3dd60468ee976e58c74063e';

/** WSAIoctl as a provider answers SIO_GET_EXTENSION_FUNCTION_POINTER: a pointer in the output buffer. */
function givingPointer(args: readonly unknown[]): number {
  bufferArg(args, 4).writeBigUInt64LE(0x7ff000n);
  return 0;
}

describe('ConnectEx in the Winsock binding (against a fake ws2_32)', () => {
  let fake: FakeWinsock;
  let binding: WinsockBinding;

  beforeEach(() => {
    fake = new FakeWinsock();
    binding = bindingOver(fake);
    fake.on('WSAIoctl', givingPointer);
  });

  it('asks the socket for the pointer with SIO_GET_EXTENSION_FUNCTION_POINTER and WSAID_CONNECTEX, then calls it with the name and an OVERLAPPED signalling the event', () => {
    fake.on('ConnectEx', failingWith(WSA_IO_PENDING, 0));
    const observation = binding.call('ConnectEx', { s: S, name: SERVER, overlapped: { event: EVENT } });
    expect(observation).to.deep.equal({ returns: 'FALSE', error: 'WSA_IO_PENDING', overlapped: 1 });
    const [s, code, guid, guidLength, , outLength] = fake.onlyCallOf('WSAIoctl');
    expect([s, Number(code) >>> 0, (guid as Buffer).toString('hex'), guidLength, outLength]).to.deep.equal([S, 0xc8000006, WSAID_CONNECTEX_BYTES, 16, 8]);
    const [cs, name, namelen, sendBuffer, sendLength, , overlapped] = fake.onlyCallOf('ConnectEx');
    expect([cs, (name as Buffer).toString('hex'), namelen, sendBuffer, sendLength]).to.deep.equal([S, '020013887f0000010000000000000000', 16, null, 0]);
    // Internal, InternalHigh, Offset, OffsetHigh zero; hEvent the event.
    expect((overlapped as Buffer).toString('hex')).to.equal('00'.repeat(24) + '3412000000000000');
  });

  it('asks the lookup socket for the pointer when one is given, and reports a failed look-up without calling ConnectEx', () => {
    fake.on('WSAIoctl', failingWith(WSAENOTSOCK));
    const observation = binding.call('ConnectEx', { s: 'INVALID_SOCKET', lookup: 99, name: SERVER, overlapped: { event: EVENT } });
    expect(observation).to.deep.equal({ returns: 'SOCKET_ERROR', error: 'WSAENOTSOCK', lookupFailed: 'WSAENOTSOCK' });
    expect(fake.onlyCallOf('WSAIoctl')[0]).to.equal(99);
    expect(fake.argsOf('ConnectEx')).to.deep.equal([]);
  });

  it('passes the send buffer and reports lpdwBytesSent only when the call returns TRUE', () => {
    fake.on('ConnectEx', (args) => {
      bufferArg(args, 5).writeUInt32LE(5);
      return 1;
    });
    expect(binding.call('ConnectEx', { s: S, name: SERVER, sendData: 'hello', overlapped: { event: EVENT } })).to.deep.equal({ returns: 'TRUE', bytesSent: 5, overlapped: 1 });
    const [, , , sendBuffer, sendLength] = fake.onlyCallOf('ConnectEx');
    expect([(sendBuffer as Buffer).toString(), sendLength]).to.deep.equal(['hello', 5]);

    fake.on('ConnectEx', failingWith(WSA_IO_PENDING, 0));
    expect(binding.call('ConnectEx', { s: S, name: SERVER, sendData: 'hello', overlapped: { event: EVENT } })).to.deep.equal({ returns: 'FALSE', error: 'WSA_IO_PENDING', overlapped: 2 });
  });

  it('passes NULL for a null overlapped and reports no number', () => {
    fake.on('ConnectEx', failingWith(87, 0));
    expect(binding.call('ConnectEx', { s: S, name: SERVER, overlapped: null })).to.deep.equal({ returns: 'FALSE', error: 'WSA_INVALID_PARAMETER' });
    expect(fake.onlyCallOf('ConnectEx')[6]).to.equal(null);
  });

  it('gives WSAGetOverlappedResult the very OVERLAPPED the numbered step passed, and numbers afresh in each case', () => {
    fake.on('ConnectEx', failingWith(WSA_IO_PENDING, 0));
    binding.call('ConnectEx', { s: S, name: SERVER, overlapped: { event: EVENT } });
    binding.call('ConnectEx', { s: S, name: SERVER, overlapped: { event: EVENT + 1 } });
    fake.on('WSAGetOverlappedResult', (args) => {
      bufferArg(args, 2).writeUInt32LE(17);
      bufferArg(args, 4).writeUInt32LE(0);
      return 1;
    });
    expect(binding.call('WSAGetOverlappedResult', { s: S, overlapped: 2 })).to.deep.equal({ returns: 'TRUE', bytes: 17, flags: 0 });
    const [, overlapped, , wait] = fake.onlyCallOf('WSAGetOverlappedResult');
    expect([(overlapped as Buffer).readBigUInt64LE(24), wait]).to.deep.equal([BigInt(EVENT + 1), 0]);

    fake.on('WSAGetOverlappedResult', failingWith(WSAECONNREFUSED, 0));
    expect(binding.call('WSAGetOverlappedResult', { s: S, overlapped: 1, wait: true })).to.deep.equal({ returns: 'FALSE', error: 'WSAECONNREFUSED' });
    expect(fake.argsOf('WSAGetOverlappedResult')[1]?.[3]).to.equal(1);

    binding.reset();
    expect(() => binding.call('WSAGetOverlappedResult', { s: S, overlapped: 1 })).to.throw(ArgumentError, /this case passed 0 OVERLAPPED/);
  });

  it('makes setsockopt without a value pass optval NULL and optlen 0, as the page sets SO_UPDATE_CONNECT_CONTEXT', () => {
    fake.on('setsockopt', () => SOCKET_ERROR + 1);
    expect(binding.call('setsockopt', { s: S, level: 'SOL_SOCKET', option: 'SO_UPDATE_CONNECT_CONTEXT' })).to.deep.equal({ returns: 0 });
    expect(fake.onlyCallOf('setsockopt')).to.deep.equal([S, 0xffff, 0x7010, null, 0]);
  });
});

describe('the traffic rule for a call that sends data only when given some', () => {
  const unspecified = { place: addressClass('0.0.0.0'), text: '0.0.0.0' };
  const traffic = ConnectEx.traffic;

  it('takes ConnectEx without a send buffer as a call that only connects, which may name the all-zero address', () => {
    expect(traffic).to.not.equal(undefined);
    if (traffic === undefined) return;
    expect(trafficRefusal('ConnectEx', trafficWith(traffic, { sendData: undefined }), { destination: unspecified }, { kind: 'stream' })).to.equal(undefined);
    expect(trafficRefusal('ConnectEx', trafficWith(traffic, { sendData: 'data' }), { destination: unspecified }, { kind: 'stream' })).to.equal('ConnectEx sends to 0.0.0.0, outside loopback');
  });
});
