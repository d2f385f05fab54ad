import fc from 'fast-check';
import type { JsonSchema, Operation } from './routes';

/** Strings that have broken parsers, regexes, databases and renderers before. */
export const NASTY_STRINGS = [
  '\uD800', // lone high surrogate
  'a\uDFFFb', // lone low surrogate
  '\u202Eevil\u202C', // right-to-left override
  '\u200B\u200C\u200D\uFEFF', // zero-width characters and BOM
  '\u0000null-byte',
  '𠮷野家🧧', // astral plane
  'ｆｕｌｌ　ｗｉｄｔｈ１２３',
  '.*',
  '(a+)+$',
  '[',
  '\\',
  '$gt',
  '{"$gt":""}',
  "'; db.dropDatabase(); //",
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  'NaN',
  '-0',
  '1e309',
  '9007199254740993',
  '2026-02-30T25:61:00Z',
  '__proto__',
];

/** MongoDB operators a careless `find(body)` would execute. */
export const OPERATORS: unknown[] = [
  { $gt: '' },
  { $ne: null },
  { $where: 'sleep(1000) || true' },
  { $regex: '.*' },
  { $in: [] },
  { $expr: { $eq: [1, 1] } },
];

const nastyString = fc.constantFrom(...NASTY_STRINGS);
/** One hostile JSON scalar (or operator object). */
export const leaf = fc.oneof(
  nastyString,
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ minLength: 2000, maxLength: 4000 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(1e308, -1, 0, 2 ** 53 + 1, -2147483649),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(...OPERATORS),
);

const DANGEROUS_KEYS = ['__proto__', 'constructor', 'prototype', '$where', '$gt', 'a.b', '', 'toString'];

/** A JSON value built from hostile leaves, nested objects and arrays, with keys near the schema's. */
function hostileValue(keys: string[]) {
  const key = fc.oneof(fc.constantFrom(...keys, ...DANGEROUS_KEYS), fc.string({ maxLength: 8 }));
  return fc.letrec((tie) => ({
    v: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('v'), { maxLength: 4 }),
      fc.dictionary(key, tie('v'), { maxKeys: 4 }),
    ),
  })).v;
}

/** Property names of an object schema (and of its union members). */
export function schemaKeys(schema: JsonSchema | null): string[] {
  if (!schema) return [];
  const own = Object.keys(schema.properties ?? {});
  const members = [...((schema.anyOf as JsonSchema[]) ?? []), ...((schema.oneOf as JsonSchema[]) ?? [])];
  return [...new Set([...own, ...members.flatMap(schemaKeys)])];
}

/** A request body: the schema's fields, some missing, each filled with something hostile, plus extras. */
export function hostileBody(op: Operation) {
  const keys = schemaKeys(op.body);
  const value = hostileValue(keys);
  const shaped = fc.record(Object.fromEntries(keys.map((k) => [k, value])), { requiredKeys: [] });
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .tuple(shaped, fc.dictionary(fc.constantFrom(...DANGEROUS_KEYS), value, { maxKeys: 2 }))
        .map(([a, b]) => ({ ...b, ...a })),
    },
    { weight: 1, arbitrary: value },
  );
}

/** A query string: the route's parameters (and a few smuggled ones) set to hostile strings. */
export function hostileQuery(op: Operation) {
  const names = [...op.queryParams.map((q) => q.name), 'phone[$ne]', '$where', '__proto__[x]', 'page'];
  const text = fc.oneof(
    nastyString,
    fc.string({ maxLength: 40 }),
    fc.string({ minLength: 500, maxLength: 1000 }),
  );
  return fc
    .array(
      fc.tuple(
        fc.constantFrom(...names),
        fc.oneof(text, fc.constantFrom(...OPERATORS.map((o) => JSON.stringify(o)))),
      ),
      { maxLength: 3 },
    )
    .map((pairs) => new URLSearchParams(pairs).toString());
}
