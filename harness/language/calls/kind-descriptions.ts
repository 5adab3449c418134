/**
 * The facts the argument kinds' descriptions draw on from outside the case
 * language (kinds/kind.ts, DescriptionFacts), read here for what writes the
 * descriptions: the case schema and cases/CALLS.md. Kept out of kinds/, whose
 * readers the worker loads and which must not load the loopback peers.
 */
import { PEER_KINDS, PEER_KIND_NAMES } from '../../../fixtures/catalogue.js';
import type { DescriptionFacts } from './kinds/kind.js';

export const DESCRIPTION_FACTS: DescriptionFacts = {
  recordingPeerKinds: PEER_KIND_NAMES.filter((kind) => PEER_KINDS[kind].recordsDatagrams),
};
