/** What WSAStartup and WSACleanup take: a version, and how often to repeat. */
import { boundedInteger, USHORT_BOUNDS } from '../bounds.js';
import { argumentKind, ArgumentError } from './kind.js';
import { readBounded } from './reading.js';

/** MAKEWORD(major, minor), as WSAStartup takes it. */
export const winsockVersion = argumentKind<number>({
  title: 'Winsock version',
  description: 'A Winsock version as `major.minor` (`"2.2"`), or the WORD itself.',
  schema: {
    anyOf: [
      { description: 'major.minor', type: 'string', pattern: '^\\d{1,3}\\.\\d{1,3}$', patternErrorMessage: 'a version is written major.minor, e.g. "2.2"' },
      boundedInteger('The WORD: low byte major, high byte minor.', USHORT_BOUNDS),
    ],
  },
  /** `"2.2"` → MAKEWORD(2, 2); a number is taken as the WORD itself. */
  read(value, name) {
    if (typeof value === 'number') return readBounded(value, name, USHORT_BOUNDS);
    const match = typeof value === 'string' ? /^(\d{1,3})\.(\d{1,3})$/.exec(value) : null;
    const [major, minor] = match === null ? [NaN, NaN] : [Number(match[1]), Number(match[2])];
    if (!(major <= 0xff && minor <= 0xff)) throw new ArgumentError(`argument ${name}: expected a version "major.minor", got ${JSON.stringify(value)}`);
    return major | (minor << 8);
  },
});

export const cleanupRepeat = argumentKind<'until-error'>({
  title: 'repeat',
  description: '`until-error`: repeat the call until it fails.',
  schema: { enum: ['until-error'] },
  read(value, name) {
    if (value === 'until-error') return value;
    throw new ArgumentError(`argument ${name}: expected until-error, got ${JSON.stringify(value)}`);
  },
});
