import { arg, harnessCall } from './declaration.js';

export const peerDatagrams = harnessCall({
  name: 'peer.datagrams',
  summary: "Observed by the harness on a peer: waits (within the case's time limit) until the peer has received `count` datagrams.",
  args: {
    peer: arg.required('recordingPeer', 'The peer to observe, by its name under `peers` (a `udp-peer`), without `$`.'),
    count: arg.required('count', 'How many datagrams to wait for.'),
  },
  outputs: { datagrams: 'The datagrams received, in order: a list of `{ data, from }`.' },
  returns: 'count',
});
