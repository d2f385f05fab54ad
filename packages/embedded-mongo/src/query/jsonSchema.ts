/**
 * MongoDB's `$jsonSchema` (draft 4 subset plus `bsonType`), used by collection validators and
 * as a query operator. `check` returns the rules a value breaks, shaped like the
 * `schemaRulesNotSatisfied` entries of MongoDB's DocumentValidationFailure errInfo.
 */
import { compareValues, valuesEqual } from '../bson/compare';
import { canonicalKey } from '../bson/keys';
import { bsonTypeName, type Doc, isDocument, isNumeric } from '../bson/values';
import { fail } from '../errors';
import { compileRegex } from './regex';

export type SchemaFailure = Doc;

const UNSUPPORTED = new Set(['$ref', '$schema', 'default', 'definitions', 'format', 'id']);
const JSON_TYPES: Record<string, (v: unknown) => boolean> = {
  object: isDocument,
  array: Array.isArray,
  number: isNumeric,
  boolean: (v) => typeof v === 'boolean',
  string: (v) => typeof v === 'string',
  null: (v) => v === null,
};

function bsonTypeMatches(alias: string, v: unknown): boolean {
  if (alias === 'number') return isNumeric(v);
  const name = bsonTypeName(v);
  // Integral doubles arrive as JS numbers (int), so "double" also covers them.
  return name === alias || (alias === 'double' && name === 'int') || (alias === 'int' && name === 'int');
}

function list(x: unknown): unknown[] {
  return Array.isArray(x) ? x : [x];
}

function typeFailure(keyword: string, spec: unknown, v: unknown): SchemaFailure {
  return {
    operatorName: keyword,
    specifiedAs: { [keyword]: spec },
    reason: 'type did not match',
    consideredValue: v,
    consideredType: bsonTypeName(v),
  };
}

function simple(keyword: string, spec: unknown, reason: string, v: unknown): SchemaFailure {
  return { operatorName: keyword, specifiedAs: { [keyword]: spec }, reason, consideredValue: v };
}

/** The rules of `schema` that `v` does not satisfy (empty when it is valid). */
export function checkSchema(schema: Doc, v: unknown): SchemaFailure[] {
  const out: SchemaFailure[] = [];
  for (const keyword of Object.keys(schema)) {
    const spec = schema[keyword];
    if (UNSUPPORTED.has(keyword))
      fail('FailedToParse', `$jsonSchema keyword '${keyword}' is not currently supported`);
    const num = isNumeric(v);
    switch (keyword) {
      case 'bsonType':
        if (!list(spec).some((t) => bsonTypeMatches(String(t), v))) out.push(typeFailure(keyword, spec, v));
        break;
      case 'type':
        if (
          !list(spec).some(
            (t) => JSON_TYPES[String(t)]?.(v) ?? fail('BadValue', `Unknown type name alias: ${String(t)}`),
          )
        )
          out.push(typeFailure(keyword, spec, v));
        break;
      case 'minimum':
      case 'maximum': {
        if (!num) break;
        const c = compareValues(v, spec);
        const exclusive = schema[keyword === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum'] === true;
        const ok = keyword === 'minimum' ? (exclusive ? c > 0 : c >= 0) : exclusive ? c < 0 : c <= 0;
        if (!ok) out.push(simple(keyword, spec, 'comparison failed', v));
        break;
      }
      case 'minLength':
      case 'maxLength':
        if (typeof v !== 'string') break;
        if (keyword === 'minLength' ? [...v].length < Number(spec) : [...v].length > Number(spec))
          out.push(simple(keyword, spec, 'specified string length was not satisfied', v));
        break;
      case 'pattern':
        if (typeof v === 'string' && !compileRegex(String(spec), '').test(v))
          out.push(simple(keyword, spec, 'regular expression did not match', v));
        break;
      case 'enum':
        if (!list(spec).some((e) => valuesEqual(e, v)))
          out.push(simple(keyword, spec, 'value was not found in enum', v));
        break;
      case 'minItems':
      case 'maxItems':
        if (Array.isArray(v) && (keyword === 'minItems' ? v.length < Number(spec) : v.length > Number(spec)))
          out.push(simple(keyword, spec, 'array did not match specified length', v));
        break;
      case 'uniqueItems':
        if (spec === true && Array.isArray(v) && new Set(v.map((x) => canonicalKey(x))).size !== v.length)
          out.push(simple(keyword, spec, 'found a duplicate item', v));
        break;
      case 'items':
        if (Array.isArray(v) && isDocument(spec)) {
          const bad = v
            .map((el, i) => ({ i, details: checkSchema(spec, el) }))
            .filter((x) => x.details.length > 0);
          if (bad.length > 0)
            out.push({
              operatorName: 'items',
              reason: 'At least one item did not match the sub-schema',
              itemIndex: bad[0].i,
              details: bad[0].details,
            });
        }
        break;
      case 'required':
        if (isDocument(v)) {
          const missing = list(spec).filter((name) => v[String(name)] === undefined);
          if (missing.length > 0)
            out.push({
              operatorName: 'required',
              specifiedAs: { required: spec },
              missingProperties: missing,
            });
        }
        break;
      case 'properties':
        if (isDocument(v) && isDocument(spec)) {
          const notSatisfied: Doc[] = [];
          for (const name of Object.keys(spec)) {
            if (v[name] === undefined || !isDocument(spec[name])) continue;
            const details = checkSchema(spec[name] as Doc, v[name]);
            if (details.length > 0) {
              const entry: Doc = { propertyName: name };
              if (typeof (spec[name] as Doc).description === 'string')
                entry.description = (spec[name] as Doc).description;
              entry.details = details;
              notSatisfied.push(entry);
            }
          }
          if (notSatisfied.length > 0)
            out.push({ operatorName: 'properties', propertiesNotSatisfied: notSatisfied });
        }
        break;
      case 'additionalProperties':
        if (isDocument(v) && spec !== true) {
          const known = new Set(Object.keys(isDocument(schema.properties) ? schema.properties : {}));
          const patterns = Object.keys(
            isDocument(schema.patternProperties) ? schema.patternProperties : {},
          ).map((p) => compileRegex(p, ''));
          const extra = Object.keys(v).filter((k) => !known.has(k) && !patterns.some((p) => p.test(k)));
          if (spec === false && extra.length > 0)
            out.push({
              operatorName: 'additionalProperties',
              specifiedAs: { additionalProperties: false },
              additionalProperties: extra,
            });
          else if (isDocument(spec)) {
            for (const k of extra) {
              const details = checkSchema(spec, v[k]);
              if (details.length > 0)
                out.push({
                  operatorName: 'additionalProperties',
                  reason: 'at least one additional property did not match the subschema',
                  failingProperty: k,
                  details,
                });
            }
          }
        }
        break;
      case 'minProperties':
      case 'maxProperties':
        if (isDocument(v)) {
          const n = Object.keys(v).length;
          if (keyword === 'minProperties' ? n < Number(spec) : n > Number(spec))
            out.push(simple(keyword, spec, 'specified number of properties was not satisfied', v));
        }
        break;
      case 'allOf':
      case 'anyOf':
      case 'oneOf': {
        const results = list(spec).map((s) => checkSchema(s as Doc, v));
        const passed = results.filter((r) => r.length === 0).length;
        const ok =
          keyword === 'allOf' ? passed === results.length : keyword === 'anyOf' ? passed > 0 : passed === 1;
        if (!ok)
          out.push({
            operatorName: keyword,
            schemasNotSatisfied: results
              .map((details, index) => ({ index, details }))
              .filter((r) => r.details.length > 0),
          });
        break;
      }
      case 'not':
        if (isDocument(spec) && checkSchema(spec, v).length === 0)
          out.push({ operatorName: 'not', reason: 'child expression matched' });
        break;
      case 'dependencies':
        if (isDocument(v) && isDocument(spec))
          for (const name of Object.keys(spec)) {
            if (v[name] === undefined) continue;
            const dep = spec[name];
            const bad = Array.isArray(dep)
              ? dep.some((d) => v[String(d)] === undefined)
              : isDocument(dep) && checkSchema(dep, v).length > 0;
            if (bad) out.push({ operatorName: 'dependencies', failingDependency: name });
          }
        break;
      case 'patternProperties':
        if (isDocument(v) && isDocument(spec))
          for (const p of Object.keys(spec)) {
            const re = compileRegex(p, '');
            for (const k of Object.keys(v))
              if (re.test(k) && checkSchema(spec[p] as Doc, v[k]).length > 0)
                out.push({
                  operatorName: 'patternProperties',
                  reason: 'at least one property did not match the subschema',
                  failingProperty: k,
                });
          }
        break;
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
      case 'title':
      case 'description':
        break;
      default:
        fail('FailedToParse', `Unknown $jsonSchema keyword: ${keyword}`);
    }
  }
  return out;
}

/** Compiles a top-level `$jsonSchema` query operator (checked once for unknown keywords). */
export function compileJsonSchema(schema: unknown): (doc: Doc) => boolean {
  if (!isDocument(schema)) fail('TypeMismatch', '$jsonSchema must be an object');
  checkSchema(schema, {});
  return (doc) => checkSchema(schema, doc).length === 0;
}
