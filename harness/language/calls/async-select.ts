/**
 * WSAAsyncSelect and the window it posts to: a message-only window (it needs
 * no display, so it works headless, under Wine too), the select itself, and a
 * bounded wait for the next message posted to the window. At the end of a
 * case the binding drops the messages a window still has and leaves the
 * window to the worker's end (see `release`).
 */
import { WAIT_BOUNDS } from './bounds.js';
import { arg, providerCall } from './declaration.js';
import { eventErrorName, networkEventNames } from '../vocabulary/network-events.js';

/** HWND_MESSAGE: the parent that makes a window message-only. */
const HWND_MESSAGE = -3;
/** A class every process has, so no window class needs registering. */
const WINDOW_CLASS = 'STATIC';
/** PeekMessageW's wRemoveMsg: take the message off the queue. */
const PM_REMOVE = 1;
/** MsgWaitForMultipleObjectsEx: wake for any message posted to the thread… */
const QS_ALLPOSTMESSAGE = 0x0100;
/** …including one already queued before the wait began. */
const MWMO_INPUTAVAILABLE = 0x0004;
/** MSG on 64-bit Windows: hwnd at 0, message at 8, wParam at 16, lParam at 24; 48 bytes in all. */
const MSG_SIZE = 48;
/** Messages a window may still have queued when it is destroyed; past this many something keeps posting. */
const MAX_LEFTOVER_MESSAGES = 1000;
/** The longest wait a case may ask for: a minute (a case's own limit ends it sooner). */
const MAX_WAIT_MS = WAIT_BOUNDS.maximum;

export const createMessageWindow = providerCall({
  name: 'createMessageWindow',
  summary: 'Creates a message-only window (class STATIC, parent HWND_MESSAGE) to receive WSAAsyncSelect messages; `as` keeps it.',
  args: {},
  outputs: {},
  returns: 'window',
  creates: 'window',
  needs: 'async-select',
  winsock: {
    functions: [],
    otherLibraries: {
      'user32.dll': [
        'intptr_t __stdcall CreateWindowExW(uint32_t dwExStyle, const char16_t *lpClassName, const char16_t *lpWindowName, uint32_t dwStyle, int X, int Y, int nWidth, int nHeight, intptr_t hWndParent, intptr_t hMenu, intptr_t hInstance, void *lpParam)',
        'int __stdcall PeekMessageW(void *lpMsg, intptr_t hWnd, uint32_t wMsgFilterMin, uint32_t wMsgFilterMax, uint32_t wRemoveMsg)',
      ],
    },
    perform: (ws) => ws.created('window', () => ws.fn('CreateWindowExW')(0, WINDOW_CLASS, null, 0, 0, 0, 0, 0, HWND_MESSAGE, 0, 0, null)),
    release(ws, window) {
      // Messages still queued for the window (a late FD_* notification) are dropped, so that no later case
      // meets them. The window itself is not destroyed: under Wine 10.0 without a display, DestroyWindow on it
      // never returns (measured: a case's clean-up waited 20 s and then its worker was killed), which cost
      // every case using a window a worker. A message-only window holds nothing else; the worker's end frees it.
      const msg = Buffer.alloc(MSG_SIZE);
      for (let left = 0; left < MAX_LEFTOVER_MESSAGES; left++) {
        if (Number(ws.fn('PeekMessageW')(msg, window, 0, 0, PM_REMOVE)) === 0) break;
      }
    },
  },
});

export const WSAAsyncSelect = providerCall({
  name: 'WSAAsyncSelect',
  summary: 'Asks for the network events of a socket to be posted to a window as a message.',
  args: {
    s: arg.required('socket', 'The socket.'),
    window: arg.required('window', 'hWnd: the window (`$w`, kept from createMessageWindow).'),
    message: arg.required('count', 'wMsg: the message number to post, e.g. 1025 (WM_USER + 1).'),
    events: arg.required('fdEvents', 'lEvent: the events to post, `[FD_CONNECT]`…; `[]` cancels.'),
  },
  outputs: {},
  returns: 'int',
  needs: 'async-select',
  winsock: {
    functions: ['int __stdcall WSAAsyncSelect(uintptr_t s, intptr_t hWnd, uint32_t wMsg, int32_t lEvent)'],
    perform: (ws, { s, window, message, events }) => ws.int(() => ws.fn('WSAAsyncSelect')(s, window, message, events | 0)),
  },
});

export const waitForMessage = providerCall({
  name: 'waitForMessage',
  summary:
    'Waits, up to `timeout` milliseconds, for the next message posted to a window, and takes it off the queue: returns 0 with the message, or WSA_WAIT_TIMEOUT when none came.',
  args: {
    window: arg.required('window', 'The window (`$w`).'),
    timeout: arg.required('count', 'How long to wait, in milliseconds.', { bounds: WAIT_BOUNDS }),
  },
  outputs: {
    message: 'The message number.',
    socket: 'wParam: the socket the message is about (compare with `$s`).',
    event: 'WSAGETSELECTEVENT(lParam): the network event, by name (`FD_CONNECT`).',
    selectError: 'WSAGETSELECTERROR(lParam): its error, by name (`WSAECONNREFUSED`), `none` for 0.',
  },
  returns: 'wait',
  needs: 'async-select',
  winsock: {
    functions: [],
    otherLibraries: {
      'user32.dll': ['uint32_t __stdcall MsgWaitForMultipleObjectsEx(uint32_t nCount, const void *pHandles, uint32_t dwMilliseconds, uint32_t dwWakeMask, uint32_t dwFlags)'],
    },
    perform(ws, { window, timeout }) {
      const msg = Buffer.alloc(MSG_SIZE);
      const deadline = performance.now() + Math.min(timeout, MAX_WAIT_MS);
      // Wait on the queue itself, never a fixed sleep: take a message if there is one, else sleep until one is posted or the time is up.
      for (;;) {
        if (Number(ws.fn('PeekMessageW')(msg, window, 0, 0, PM_REMOVE)) !== 0) break;
        const remaining = Math.max(0, Math.ceil(deadline - performance.now()));
        const woke = ws.wait(() => ws.fn('MsgWaitForMultipleObjectsEx')(0, null, remaining, QS_ALLPOSTMESSAGE, MWMO_INPUTAVAILABLE));
        if (woke.returns === 'WSA_WAIT_FAILED') return woke;
        if (woke.returns === 'WSA_WAIT_TIMEOUT' && Number(ws.fn('PeekMessageW')(msg, window, 0, 0, PM_REMOVE)) === 0) return woke;
      }
      const lParam = msg.readBigUInt64LE(24);
      return {
        returns: 0,
        message: msg.readUInt32LE(8),
        socket: Number(msg.readBigUInt64LE(16)),
        event: networkEventNames(Number(lParam & 0xffffn)).join('|'),
        selectError: eventErrorName(Number((lParam >> 16n) & 0xffffn), (code) => ws.errorName(code)),
      };
    },
  },
});
