/** Text: bytes a call sends, and the name of a peer the harness reads from. */
import { listed } from '../../cases/schema-fragments.js';
import { argumentKind } from './kind.js';
import { readText } from './reading.js';

/** What a peer name is written as, under `peers` and where a call names one. */
export const NAME_PATTERN = '^[A-Za-z_][A-Za-z0-9_]*$';

export const text = argumentKind<string>({
  title: 'text',
  description: 'Text, sent as its UTF-8 bytes. A leading `$` makes it a reference; write `$$` for a literal `$`.',
  schema: { type: 'string' },
  read: readText,
});

export const recordingPeer = argumentKind<string>({
  title: 'recording peer',
  description: ({ recordingPeerKinds }) => `A peer that records what it receives (${listed(recordingPeerKinds)}), by its name under \`peers\`, without \`$\`.`,
  schema: { type: 'string', pattern: NAME_PATTERN, patternErrorMessage: 'the peer is named as under `peers`, without `$`' },
  read: readText,
});
