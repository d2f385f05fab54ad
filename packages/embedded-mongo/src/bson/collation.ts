/**
 * MongoDB collations on top of Node's ICU (Intl.Collator). A collation changes how strings
 * compare (sort, ranges, equality, index order and uniqueness); other types are unaffected.
 * `undefined` stands for the simple (binary) collation everywhere in this package.
 */
import { fail } from '../errors';
import { type Doc, isDocument, toNumber } from './values';

export interface Collation {
  /** The spec as MongoDB reports it (listIndexes, listCollections, explain). */
  readonly spec: Doc;
  compare(a: string, b: string): number;
  /** Equal for strings the collator finds equal (hash side of indexes, $in, distinct). */
  key(s: string): string;
}

const KNOWN_FIELDS = new Set([
  'locale',
  'caseLevel',
  'caseFirst',
  'strength',
  'numericOrdering',
  'alternate',
  'maxVariable',
  'normalization',
  'backwards',
  'version',
]);

const cache = new Map<string, Collation>();

function bool(spec: Doc, field: string): boolean {
  const v = spec[field];
  if (v === undefined) return false;
  if (typeof v !== 'boolean') fail('TypeMismatch', `collation field '${field}' must be a boolean`);
  return v;
}

function choice(spec: Doc, field: string, allowed: string[], fallback: string): string {
  const v = spec[field] ?? fallback;
  if (typeof v !== 'string' || !allowed.includes(v))
    fail(
      'BadValue',
      `Field '${field}' must be one of ${allowed.join(', ')} in collation ${JSON.stringify(spec)}`,
    );
  return v;
}

/** ICU's sensitivity for MongoDB's strength (4 and 5 have no Intl equivalent beyond 3). */
function sensitivity(strength: number, caseLevel: boolean): Intl.CollatorOptions['sensitivity'] {
  if (strength === 1) return caseLevel ? 'case' : 'base';
  if (strength === 2) return caseLevel ? 'variant' : 'accent';
  return 'variant';
}

/** A key equal for strings equal at the collation's strength (NFKD folds width and forms). */
function keyFunction(strength: number, caseLevel: boolean, numeric: boolean): (s: string) => string {
  return (s) => {
    let out = strength >= 3 ? s.normalize('NFC') : s.normalize('NFKD');
    if (strength === 1) out = out.replace(/\p{M}/gu, '');
    if (strength < 3 && !caseLevel) out = out.toLowerCase();
    if (strength === 1) out = out.replace(/ß/g, 'ss');
    if (numeric) out = out.replace(/\d+/g, (d) => d.replace(/^0+(?=\d)/, ''));
    return out;
  };
}

/**
 * Parses a collation document; `{locale: 'simple'}` and an absent value give undefined. Unknown
 * fields and locales ICU does not know are BadValue, as mongod answers.
 */
export function parseCollation(value: unknown): Collation | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isDocument(value)) fail('TypeMismatch', 'collation must be an object');
  for (const field of Object.keys(value))
    if (!KNOWN_FIELDS.has(field))
      fail('Location40415', `BSON field 'collation.${field}' is an unknown field.`);
  const locale = value.locale;
  if (typeof locale !== 'string')
    fail('Location40414', "BSON field 'collation.locale' is missing but a required field");
  if (locale === 'simple') {
    if (Object.keys(value).length > 1)
      fail('BadValue', 'If locale is simple, no other collation fields may be set');
    return undefined;
  }
  const strength = toNumber(value.strength) ?? 3;
  if (![1, 2, 3, 4, 5].includes(strength)) fail('BadValue', 'Field strength must be an integer 1 through 5');
  const caseLevel = bool(value, 'caseLevel');
  const numericOrdering = bool(value, 'numericOrdering');
  const backwards = bool(value, 'backwards');
  const normalization = bool(value, 'normalization');
  const caseFirst = choice(value, 'caseFirst', ['upper', 'lower', 'off'], 'off');
  const alternate = choice(value, 'alternate', ['non-ignorable', 'shifted'], 'non-ignorable');
  const maxVariable = choice(value, 'maxVariable', ['punct', 'space'], 'punct');
  if (backwards)
    fail(
      'CommandNotSupported',
      'collation backwards: true (French accent order) is not supported by embedded-mongo',
    );
  const icuLocale = locale.replace(/@.*$/, '').replace(/_/g, '-');
  let supported: string[];
  try {
    supported = Intl.Collator.supportedLocalesOf(icuLocale);
  } catch {
    supported = [];
  }
  if (supported.length === 0) fail('BadValue', `Field 'locale' is invalid in: ${JSON.stringify(value)}`);
  const spec: Doc = {
    locale,
    caseLevel,
    caseFirst,
    strength,
    numericOrdering,
    alternate,
    maxVariable,
    normalization,
    backwards,
    version: '57.1',
  };
  const cacheKey = JSON.stringify(spec);
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const collator = new Intl.Collator(icuLocale, {
    usage: 'sort',
    sensitivity: sensitivity(strength, caseLevel),
    numeric: numericOrdering,
    caseFirst: caseFirst === 'off' ? 'false' : (caseFirst as 'upper' | 'lower'),
    ignorePunctuation: alternate === 'shifted',
  });
  const collation: Collation = {
    spec,
    compare: (a, b) => Math.sign(collator.compare(a, b)),
    key: keyFunction(strength, caseLevel, numericOrdering),
  };
  cache.set(cacheKey, collation);
  return collation;
}

/** True when two collations order and equate strings the same way. */
export function sameCollation(a: Collation | undefined, b: Collation | undefined): boolean {
  return a === b;
}

/** True when a value holds no string anywhere (then every collation compares it alike). */
export function collationFree(value: unknown): boolean {
  if (typeof value === 'string') return false;
  if (Array.isArray(value)) return value.every(collationFree);
  if (isDocument(value)) return Object.values(value).every(collationFree);
  return true;
}
