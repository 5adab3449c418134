/**
 * WSAEventSelect and WSAAsyncSelect with what they need (event objects, a
 * message-only window, bounded waits) against a fake ws2_32 and user32: what
 * reaches the C functions, how results become observations, and that a case's
 * events and windows are released at reset.
 */
import { expect } from 'chai';
import { RELEASES } from '../../harness/stacks/bindings/winsock/winsock-binding.js';
import { CALLS, isProviderCall } from '../../harness/language/calls/index.js';
import { ArgumentError, type RawArgs } from '../../harness/language/calls/arguments.js';
import type { Observation } from '../../harness/judging/results/result.js';
import { bufferArg, failingWith, fakeStack, type FakeWinsock, returning } from './fake-winsock.js';

const S = 224;
const WSAECONNREFUSED = 10061;
const WSAENOTSOCK = 10038;
const FD_WRITE = 0x02;
const FD_CONNECT = 0x10;
const HWND_MESSAGE = -3;
const WAIT_TIMEOUT = 0x102;
const QS_ALLPOSTMESSAGE = 0x100;
const MWMO_INPUTAVAILABLE = 0x4;

describe('network event calls (against a fake ws2_32 and user32)', () => {
  let fake: FakeWinsock;
  let call: (name: string, args?: RawArgs) => Observation;
  let reset: () => number;

  beforeEach(() => {
    ({ fake, call, reset } = fakeStack());
  });

  describe('event objects', () => {
    it('WSACreateEvent reports a new event with its handle, and a NULL result as WSA_INVALID_EVENT with the error', () => {
      fake.on('WSACreateEvent', returning(300));
      expect(call('WSACreateEvent')).to.deep.equal({ returns: 'event', handle: 300 });
      fake.on('WSACreateEvent', failingWith(8, 0));
      expect(call('WSACreateEvent')).to.deep.equal({ returns: 'WSA_INVALID_EVENT', error: 'WSA_NOT_ENOUGH_MEMORY' });
    });

    it('WSAEventSelect passes the socket, the event and the mask of the events named', () => {
      expect(call('WSAEventSelect', { s: S, event: 300, events: ['FD_CONNECT', 'FD_WRITE'] })).to.deep.equal({ returns: 0 });
      expect(fake.onlyCallOf('WSAEventSelect')).to.deep.equal([S, 300, FD_CONNECT | FD_WRITE]);
    });

    it('WSAEventSelect passes an empty list as 0 and numbers as they are, and refuses names that are not events', () => {
      call('WSAEventSelect', { s: S, event: 300, events: [] });
      call('WSAEventSelect', { s: S, event: 300, events: [0x400] });
      expect(fake.argsOf('WSAEventSelect').map((args) => args[2])).to.deep.equal([0, 0x400]);
      expect(() => call('WSAEventSelect', { s: S, event: 300, events: ['FD_CONECT'] })).to.throw(
        ArgumentError,
        'argument events[0]: expected a network event (FD_CONNECT…), got "FD_CONECT"',
      );
    });

    it('WSAWaitForMultipleEvents passes the handles as an array of 8-byte handles, fWaitAll and fAlertable FALSE, and the timeout', () => {
      call('WSAWaitForMultipleEvents', { events: [300, 301], timeout: 5000 });
      const [count, handles, waitAll, timeout, alertable] = fake.onlyCallOf('WSAWaitForMultipleEvents');
      const expected = Buffer.alloc(16);
      expected.writeBigUInt64LE(300n, 0);
      expected.writeBigUInt64LE(301n, 8);
      expect([count, handles, waitAll, timeout, alertable]).to.deep.equal([2, expected, 0, 5000, 0]);
    });

    it('WSAWaitForMultipleEvents takes a wait of up to a minute, and refuses a longer one (which lint refuses too)', () => {
      call('WSAWaitForMultipleEvents', { events: [300], timeout: 60_000 });
      expect(fake.onlyCallOf('WSAWaitForMultipleEvents')[3]).to.equal(60_000);
      expect(() => call('WSAWaitForMultipleEvents', { events: [300], timeout: 60_001 })).to.throw(ArgumentError, 'argument timeout: expected 0 to 60000, got 60001');
    });

    it('WSAWaitForMultipleEvents reports the index signalled, WSA_WAIT_TIMEOUT, WSA_WAIT_IO_COMPLETION, or WSA_WAIT_FAILED with the error', () => {
      const waitResult = (result: number) => {
        fake.on('WSAWaitForMultipleEvents', result === 0xffffffff ? failingWith(6, result) : returning(result));
        return call('WSAWaitForMultipleEvents', { events: [300, 301], timeout: 0 });
      };
      expect(waitResult(1)).to.deep.equal({ returns: 1 });
      expect(waitResult(WAIT_TIMEOUT)).to.deep.equal({ returns: 'WSA_WAIT_TIMEOUT' });
      expect(waitResult(0xc0)).to.deep.equal({ returns: 'WSA_WAIT_IO_COMPLETION' });
      expect(waitResult(0xffffffff)).to.deep.equal({ returns: 'WSA_WAIT_FAILED', error: 'WSA_INVALID_HANDLE' });
    });

    it('WSAWaitForMultipleEvents refuses an empty list and more than 64 events', () => {
      expect(() => call('WSAWaitForMultipleEvents', { events: [], timeout: 0 })).to.throw(ArgumentError, 'argument events: expected a list of 1 to 64 events, got []');
      expect(() => call('WSAWaitForMultipleEvents', { events: Array<number>(65).fill(1), timeout: 0 })).to.throw(ArgumentError, /1 to 64 events/);
    });

    it('WSAEnumNetworkEvents reports the events that occurred by name, and the error of each by name, none for 0', () => {
      fake.on('WSAEnumNetworkEvents', (args) => {
        const events = bufferArg(args, 2);
        events.writeUInt32LE(FD_CONNECT | FD_WRITE, 0);
        events.writeInt32LE(0, 4 + 4 * 1); // FD_WRITE_BIT
        events.writeInt32LE(WSAECONNREFUSED, 4 + 4 * 4); // FD_CONNECT_BIT
        events.writeInt32LE(WSAENOTSOCK, 4 + 4 * 0); // FD_READ_BIT: not reported, FD_READ did not occur
        return 0;
      });
      expect(call('WSAEnumNetworkEvents', { s: S, event: 300 })).to.deep.equal({
        returns: 0,
        events: ['FD_WRITE', 'FD_CONNECT'],
        errors: { FD_WRITE: 'none', FD_CONNECT: 'WSAECONNREFUSED' },
      });
      const [s, event, buffer] = fake.onlyCallOf('WSAEnumNetworkEvents');
      expect([s, event, (buffer as Buffer).length]).to.deep.equal([S, 300, 44]);
    });

    it('WSAEnumNetworkEvents passes NULL when no event is given, and reports no events beside an error', () => {
      fake.on('WSAEnumNetworkEvents', failingWith(WSAENOTSOCK));
      expect(call('WSAEnumNetworkEvents', { s: S })).to.deep.equal({ returns: 'SOCKET_ERROR', error: 'WSAENOTSOCK' });
      expect(fake.onlyCallOf('WSAEnumNetworkEvents')[1]).to.equal(0);
    });

    it('WSACloseEvent reports TRUE, or FALSE with the error', () => {
      fake.on('WSACloseEvent', returning(1));
      expect(call('WSACloseEvent', { event: 300 })).to.deep.equal({ returns: 'TRUE' });
      fake.on('WSACloseEvent', failingWith(6, 0));
      expect(call('WSACloseEvent', { event: 300 })).to.deep.equal({ returns: 'FALSE', error: 'WSA_INVALID_HANDLE' });
    });
  });

  describe('WSAAsyncSelect and its window', () => {
    it('createMessageWindow makes a message-only STATIC window and reports it, or NULL with the error', () => {
      fake.on('CreateWindowExW', returning(0x10020));
      expect(call('createMessageWindow')).to.deep.equal({ returns: 'window', handle: 0x10020 });
      expect(fake.onlyCallOf('CreateWindowExW')).to.deep.equal([0, 'STATIC', null, 0, 0, 0, 0, 0, HWND_MESSAGE, 0, 0, null]);
      fake.on('CreateWindowExW', failingWith(1407, 0));
      expect(call('createMessageWindow')).to.deep.equal({ returns: 'NULL', error: 'WSA error 1407' });
    });

    it('WSAAsyncSelect passes the socket, the window, the message number and the mask', () => {
      call('WSAAsyncSelect', { s: S, window: 0x10020, message: 1025, events: ['FD_CONNECT'] });
      expect(fake.onlyCallOf('WSAAsyncSelect')).to.deep.equal([S, 0x10020, 1025, FD_CONNECT]);
    });

    /** Scripts PeekMessageW to find nothing `empty` times, then a message for socket S with `lParam`. */
    function messageAfter(empty: number, lParam: bigint): void {
      let peeks = 0;
      fake.on('PeekMessageW', (args) => {
        if (peeks++ < empty) return 0;
        const msg = bufferArg(args, 0);
        msg.writeUInt32LE(1025, 8);
        msg.writeBigUInt64LE(BigInt(S), 16);
        msg.writeBigUInt64LE(lParam, 24);
        return 1;
      });
    }

    it('waitForMessage takes a message already queued without waiting, and reads the socket, the event and its error', () => {
      messageAfter(0, (BigInt(WSAECONNREFUSED) << 16n) | BigInt(FD_CONNECT));
      expect(call('waitForMessage', { window: 0x10020, timeout: 5000 })).to.deep.equal({
        returns: 0,
        message: 1025,
        socket: S,
        event: 'FD_CONNECT',
        selectError: 'WSAECONNREFUSED',
      });
      expect(fake.onlyCallOf('PeekMessageW').slice(1)).to.deep.equal([0x10020, 0, 0, 1]);
      expect(fake.argsOf('MsgWaitForMultipleObjectsEx')).to.deep.equal([]);
    });

    it('waitForMessage waits on the queue, within what is left of the bound, until a message is posted', () => {
      messageAfter(1, BigInt(FD_CONNECT));
      expect(call('waitForMessage', { window: 0x10020, timeout: 5000 })).to.include({ returns: 0, event: 'FD_CONNECT', selectError: 'none' });
      const [[count, handles, milliseconds, wakeMask, flags]] = fake.argsOf('MsgWaitForMultipleObjectsEx') as [unknown[]];
      expect([count, handles, wakeMask, flags]).to.deep.equal([0, null, QS_ALLPOSTMESSAGE, MWMO_INPUTAVAILABLE]);
      expect(milliseconds).to.be.within(4000, 5000);
    });

    it('waitForMessage reports WSA_WAIT_TIMEOUT when no message came within the bound, and WSA_WAIT_FAILED with the error', () => {
      fake.on('PeekMessageW', returning(0)).on('MsgWaitForMultipleObjectsEx', returning(WAIT_TIMEOUT));
      expect(call('waitForMessage', { window: 0x10020, timeout: 0 })).to.deep.equal({ returns: 'WSA_WAIT_TIMEOUT' });
      expect(fake.argsOf('PeekMessageW'), 'a last look after the wait').to.have.length(2);
      fake.on('MsgWaitForMultipleObjectsEx', failingWith(6, 0xffffffff));
      expect(call('waitForMessage', { window: 0x10020, timeout: 0 })).to.deep.equal({ returns: 'WSA_WAIT_FAILED', error: 'WSA_INVALID_HANDLE' });
    });

    it('waitForMessage takes a message posted just as the bound ran out', () => {
      messageAfter(1, BigInt(FD_CONNECT));
      fake.on('MsgWaitForMultipleObjectsEx', returning(WAIT_TIMEOUT));
      expect(call('waitForMessage', { window: 0x10020, timeout: 0 })).to.include({ returns: 0, event: 'FD_CONNECT' });
    });
  });

  describe('reset', () => {
    it('knows how to release every kind of resource a call creates, as that call declares', () => {
      const creators = CALLS.filter(isProviderCall).filter((call) => call.creates !== undefined);
      expect(creators.filter((call) => call.winsock.release === undefined).map((call) => call.name)).to.deep.equal([]);
      expect([...RELEASES.keys()].sort()).to.deep.equal(['event', 'socket', 'window']);
    });

    it('closes the sockets first, then the events, then drops the messages of each window, leaving the window to the worker', () => {
      fake.on('socket', returning(100)).on('WSACreateEvent', returning(300)).on('CreateWindowExW', returning(0x10020));
      call('createMessageWindow');
      call('WSACreateEvent');
      call('socket', { af: 'AF_INET', type: 'SOCK_STREAM', protocol: 0 });
      let queued = 2;
      fake.on('PeekMessageW', () => (queued-- > 0 ? 1 : 0));
      fake.calls.length = 0;
      expect(reset()).to.equal(1);
      expect(fake.sequence()).to.deep.equal(['closesocket', 'WSACloseEvent', 'PeekMessageW', 'PeekMessageW', 'PeekMessageW']);
      expect(fake.onlyCallOf('WSACloseEvent')).to.deep.equal([300]);
      expect(fake.argsOf('PeekMessageW').map((args) => args[1])).to.deep.equal([0x10020, 0x10020, 0x10020]);
    });

    it('does not release again an event the case closed itself, nor what failed to be created', () => {
      fake.on('WSACreateEvent', returning(300)).on('WSACloseEvent', returning(1)).on('CreateWindowExW', returning(0));
      call('WSACreateEvent');
      call('WSACloseEvent', { event: 300 });
      call('createMessageWindow');
      fake.calls.length = 0;
      reset();
      expect(fake.sequence()).to.deep.equal([]);
    });

    it('keeps an event whose WSACloseEvent failed, and closes it at reset', () => {
      fake.on('WSACreateEvent', returning(300)).on('WSACloseEvent', returning(0));
      call('WSACreateEvent');
      call('WSACloseEvent', { event: 300 });
      fake.calls.length = 0;
      reset();
      expect(fake.argsOf('WSACloseEvent')).to.deep.equal([[300]]);
    });
  });
});
