/** A QOS structure (lpSQOS, lpGQOS of WSAConnect): a FLOWSPEC each way, or NULL. */
import { boundedInteger, describeBounds, ULONG_BOUNDS } from '../bounds.js';
import { ref } from '../../cases/schema-fragments.js';
import { argumentKind } from './kind.js';
import { objectField, readBounded } from './reading.js';
import { numberOrReference, pointer } from './schema-pieces.js';

/** QOS_NOT_SPECIFIED: the value of every FLOWSPEC field a case leaves out. */
export const QOS_NOT_SPECIFIED = 0xffffffff;

/** The FLOWSPEC's fields, in the structure's order, each with what the schema says of it. */
const FLOWSPEC_FIELDS = {
  tokenRate: 'TokenRate: bytes per second the flow may send on average.',
  tokenBucketSize: 'TokenBucketSize: the largest burst, in bytes.',
  peakBandwidth: 'PeakBandwidth: the highest rate, in bytes per second.',
  latency: 'Latency: the longest acceptable delay, in microseconds.',
  delayVariation: 'DelayVariation: the largest acceptable delay spread, in microseconds.',
  serviceType: 'ServiceType: the level of service negotiated.',
  maxSduSize: 'MaxSduSize: the largest packet, in bytes.',
  minimumPolicedSize: 'MinimumPolicedSize: the smallest packet size policed, in bytes.',
} as const;

export type FlowspecField = keyof typeof FLOWSPEC_FIELDS;
/** A FLOWSPEC with every field given (the reader fills in QOS_NOT_SPECIFIED). */
export type Flowspec = Readonly<Record<FlowspecField, number>>;

export interface QosSpec {
  readonly sending: Flowspec;
  readonly receiving: Flowspec;
}

const FIELD_NAMES = Object.keys(FLOWSPEC_FIELDS) as FlowspecField[];

export const qos = argumentKind<QosSpec | null>({
  title: 'QOS',
  description: 'A QOS structure `{ sending, receiving }`, or `null` (or left out) for a NULL pointer.',
  parts: {
    flowspecValue: {
      title: 'FLOWSPEC value',
      description: `A FLOWSPEC field: a number from ${describeBounds(ULONG_BOUNDS)} (a ULONG), or a reference to one.`,
      ...numberOrReference(boundedInteger('A ULONG.', ULONG_BOUNDS)),
    },
    flowspec: {
      title: 'FLOWSPEC',
      description: 'A FLOWSPEC; every field left out is QOS_NOT_SPECIFIED.',
      type: 'object',
      properties: Object.fromEntries(FIELD_NAMES.map((field) => [field, ref('flowspecValue', `${FLOWSPEC_FIELDS[field]} Default QOS_NOT_SPECIFIED.`)])),
      additionalProperties: false,
    },
  },
  schema: pointer({
    title: 'QOS',
    description: 'A QOS structure.',
    type: 'object',
    properties: { sending: ref('flowspec', 'SendingFlowspec.'), receiving: ref('flowspec', 'ReceivingFlowspec.') },
    required: ['sending', 'receiving'],
    additionalProperties: false,
  }),
  read(value, name) {
    if (value === null) return null;
    return {
      sending: readFlowspec(objectField(value, name, 'sending'), `${name}.sending`),
      receiving: readFlowspec(objectField(value, name, 'receiving'), `${name}.receiving`),
    };
  },
});

function readFlowspec(value: unknown, name: string): Flowspec {
  const given = value ?? {};
  return Object.fromEntries(
    FIELD_NAMES.map((field) => {
      const fieldValue = objectField(given, name, field);
      return [field, fieldValue === undefined ? QOS_NOT_SPECIFIED : readBounded(fieldValue, `${name}.${field}`, ULONG_BOUNDS)];
    }),
  ) as Flowspec;
}
