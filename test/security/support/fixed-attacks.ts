import { Types } from 'mongoose';
import { NASTY_STRINGS, OPERATORS, schemaKeys } from './hostile';
import { fillPath, type Operation } from './routes';

/** One crafted request: raw body text so malformed JSON and odd content types can be sent. */
export interface AttackCase {
  label: string;
  url: string;
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

const deep = (depth: number) => `{"a":${'['.repeat(depth)}1${']'.repeat(depth)}}`;

/**
 * The deterministic attacks every route gets: malformed JSON, wrong content types, non-object
 * bodies, operators in each field, prototype keys, deep nesting, huge strings and arrays,
 * operators and repeats in query strings, malformed path parameters and unsafe headers.
 */
export function fixedAttacks(op: Operation): AttackCase[] {
  const url = fillPath(op);
  const out: AttackCase[] = [];
  const json = (label: string, value: unknown) =>
    out.push({ label, url, body: JSON.stringify(value), contentType: 'application/json' });
  if (op.body) {
    out.push({ label: 'malformed JSON', url, body: '{"phone": "1380000', contentType: 'application/json' });
    out.push({ label: 'text/plain', url, body: 'phone=13800000000', contentType: 'text/plain' });
    out.push({
      label: 'form-encoded',
      url,
      body: 'phone[$ne]=1',
      contentType: 'application/x-www-form-urlencoded',
    });
    out.push({ label: 'xml', url, body: '<a>1</a>', contentType: 'application/xml' });
    for (const v of [[], 'x', 1, null, true]) json(`body ${JSON.stringify(v)}`, v);
    json('empty object', {});
    json('$where at top level', { $where: 'sleep(1000) || true' });
    out.push({
      label: 'prototype keys',
      url,
      contentType: 'application/json',
      body: '{"__proto__":{"polluted":1,"roles":["admin"]},"constructor":{"prototype":{"polluted":1}}}',
    });
    out.push({ label: 'deep nesting', url, body: deep(3000), contentType: 'application/json' });
    for (const key of schemaKeys(op.body)) {
      for (const o of OPERATORS.slice(0, 4)) json(`${key}=${JSON.stringify(o)}`, { [key]: o });
      json(`${key} huge string`, { [key]: 'x'.repeat(60_000) });
      json(`${key} huge array`, { [key]: Array.from({ length: 15_000 }, () => 1) });
      json(`${key} nested`, { [key]: { a: { b: { c: [{ d: NASTY_STRINGS }] } } } });
      json(`${key} lone surrogate`, { [key]: '\uD800' });
    }
  } else if (op.method !== 'get') {
    json('unexpected body', { $where: 'sleep(1000)', roles: ['admin'] });
  }
  const q = (label: string, query: string) => out.push({ label, url: `${url}?${query}` });
  q('phone[$ne]', 'phone[$ne]=1');
  q('$where', '%24where=sleep(1000)');
  for (const p of op.queryParams) {
    q(`${p.name} operator text`, `${p.name}=${encodeURIComponent('{"$gt":""}')}`);
    q(`${p.name}[$gt]`, `${p.name}[$gt]=`);
    q(`${p.name} repeated`, `${p.name}=1&${p.name}=2`);
    q(`${p.name} huge`, `${p.name}=${'9'.repeat(8000)}`);
    q(`${p.name} regex`, `${p.name}=${encodeURIComponent('(a+)+$[')}`);
  }
  for (const p of op.pathParams) {
    for (const bad of [
      'not-an-id',
      '{"$gt":""}',
      '$ne',
      '../../etc/passwd',
      'a'.repeat(3000),
      '0123456789ABCDEF01234567',
    ]) {
      out.push({ label: `:${p.name}=${bad.slice(0, 16)}`, url: fillPath(op, { [p.name]: bad }) });
    }
    // Broken percent-encoding and invalid UTF-8 cannot come out of encodeURIComponent: splice them in.
    for (const raw of ['%E0%A4%A', '%ED%A0%80', '%00']) {
      out.push({
        label: `:${p.name} raw ${raw}`,
        url: fillPath(op, { [p.name]: 'PLACEHOLDER' }).replace('PLACEHOLDER', raw),
      });
    }
  }
  if (op.idempotent)
    out.push({ label: 'bad idempotency key', url, headers: { 'Idempotency-Key': 'bad key! x' } });
  out.push({ label: 'bad request id', url, headers: { 'X-Request-Id': '<script>x' } });
  return out;
}

/** A well-formed id that matches no record, for the "unknown id is 404" check. */
export function unknownIdUrl(op: Operation): string | null {
  const ids = op.pathParams.filter((p) => String(p.schema.pattern ?? '').includes('[0-9a-f]{24}'));
  if (ids.length === 0 || ids.length !== op.pathParams.length) return null;
  return fillPath(op, Object.fromEntries(ids.map((p) => [p.name, new Types.ObjectId().toHexString()])));
}
