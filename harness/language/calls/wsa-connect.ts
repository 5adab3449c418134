import { LENGTH_BOUNDS } from './bounds.js';
import { arg, providerCall, type Flowspec, type QosSpec } from './declaration.js';

export const WSAConnect = providerCall({
  name: 'WSAConnect',
  summary: 'Connects a socket, optionally exchanging connect data and negotiating QOS.',
  args: {
    s: arg.required('socket', 'The socket to connect.'),
    name: arg.required('socketAddress', 'name: the address to connect to.'),
    namelen: arg.optional('count', "namelen: defaults to the size of the family's structure (16 or 28).", { bounds: LENGTH_BOUNDS }),
    callerData: arg.optional('callerData', 'lpCallerData: `{ data: text, len?: n }`, or null/left out for NULL.', { needs: 'connect-data' }),
    calleeData: arg.optional('calleeData', 'lpCalleeData: `{ length: n }`, kept until the case ends; or null/left out for NULL.', { needs: 'connect-data' }),
    sqos: arg.optional('qos', 'lpSQOS: `{ sending, receiving }`, or null/left out for NULL.', { needs: 'qos' }),
    gqos: arg.optional('qos', 'lpGQOS (reserved): `{ sending, receiving }`, or null/left out for NULL.', { needs: 'qos' }),
  },
  outputs: {
    calleeData: '`{ len }` of lpCalleeData right after the call (only when `calleeData` was given).',
    calleeWsabuf: 'The number of the lpCalleeData WSABUF within the case (1, 2…), which `readWsabuf` reads later (only when `calleeData` was given).',
  },
  returns: 'int',
  traffic: { destination: 'name', sendsData: false },
  winsock: {
    structs: {
      WSABUF: { len: 'uint32_t', buf: 'void *' },
      FLOWSPEC: {
        TokenRate: 'uint32_t',
        TokenBucketSize: 'uint32_t',
        PeakBandwidth: 'uint32_t',
        Latency: 'uint32_t',
        DelayVariation: 'uint32_t',
        ServiceType: 'uint32_t',
        MaxSduSize: 'uint32_t',
        MinimumPolicedSize: 'uint32_t',
      },
      QOS: { SendingFlowspec: 'FLOWSPEC', ReceivingFlowspec: 'FLOWSPEC', ProviderSpecific: 'WSABUF' },
    },
    functions: [
      // lpCalleeData is the binding's own WSABUF (newWsabuf), which outlives the call: a non-blocking connect
      // completes, and may pass data back, only after WSAConnect returned.
      'int __stdcall WSAConnect(uintptr_t s, const void *name, int namelen, const WSABUF *lpCallerData, void *lpCalleeData, const QOS *lpSQOS, const QOS *lpGQOS)',
    ],
    perform(ws, { s, name, namelen, callerData, calleeData, sqos, gqos }) {
      const caller = callerData ? callerWsabuf(callerData) : null;
      // A 0-byte buffer is passed as the page says an empty WSABUF is set: buf NULL, len 0.
      const callee = calleeData ? ws.newWsabuf(calleeData.length) : null;
      const observation = ws.withName(name ?? null, namelen, (buffer, length) =>
        ws.fn('WSAConnect')(s, buffer, length, caller, callee?.pointer ?? null, qosStruct(sqos), qosStruct(gqos)),
      );
      return callee ? { ...observation, calleeData: ws.passedWsabuf(callee.number), calleeWsabuf: callee.number } : observation;
    },
  },
});

export const readWsabuf = providerCall({
  name: 'readWsabuf',
  summary:
    "Reads a WSABUF an earlier step passed, as it is now: for a non-blocking WSAConnect's lpCalleeData, which the page makes valid only once FD_CONNECT has occurred. Returns its len.",
  args: {
    wsabuf: arg.required('passedWsabuf', 'The WSABUF, by the number the step that passed it reported: `$c.calleeWsabuf`.'),
  },
  outputs: {},
  returns: 'count',
  needs: 'connect-data',
  winsock: {
    functions: [],
    perform: (ws, { wsabuf }) => ({ returns: ws.passedWsabuf(wsabuf).len }),
  },
});

interface WsaBuf {
  len: number;
  buf: Buffer | null;
}

function wsabuf(buf: Buffer): WsaBuf {
  return { len: buf.length, buf };
}

/**
 * The data, in a buffer as long as the len the case gives (zero-filled past
 * the data), so that a len larger than the data is still all the caller's
 * memory: the provider can read every byte the WSABUF claims.
 */
function callerWsabuf({ data, len }: { readonly data: string; readonly len?: number }): WsaBuf {
  const bytes = Buffer.from(data);
  if (len === undefined) return wsabuf(bytes);
  const buf = Buffer.alloc(Math.max(len, bytes.length));
  bytes.copy(buf);
  return { len, buf };
}

function qosStruct(spec: QosSpec | null | undefined): object | null {
  if (!spec) return null;
  return {
    SendingFlowspec: flowspecStruct(spec.sending),
    ReceivingFlowspec: flowspecStruct(spec.receiving),
    ProviderSpecific: { len: 0, buf: null },
  };
}

function flowspecStruct(spec: Flowspec): Record<string, number> {
  return {
    TokenRate: spec.tokenRate,
    TokenBucketSize: spec.tokenBucketSize,
    PeakBandwidth: spec.peakBandwidth,
    Latency: spec.latency,
    DelayVariation: spec.delayVariation,
    ServiceType: spec.serviceType,
    MaxSduSize: spec.maxSduSize,
    MinimumPolicedSize: spec.minimumPolicedSize,
  };
}
