import { BSONRegExp, Decimal128, Long, ObjectId } from 'bson';
import { MongoServerError } from '../errors';
import { compileFilter, type MatchDetails } from './matcher';

const matches = (filter: object, doc: object) => compileFilter(filter)(doc as Record<string, unknown>);

describe('compileFilter', () => {
  it('when numbers of different bson types are equal in value, then equality and ranges treat them alike', () => {
    const doc = {
      n: Long.fromNumber(5),
      d: Decimal128.fromString('2.50'),
      big: Long.fromString('9007199254740993'),
    };
    expect(matches({ n: 5 }, doc)).toBe(true);
    expect(matches({ d: 2.5 }, doc)).toBe(true);
    expect(matches({ d: { $gt: 2.4, $lt: 2.6 } }, doc)).toBe(true);
    expect(matches({ big: { $gt: Long.fromString('9007199254740992') } }, doc)).toBe(true);
    expect(matches({ big: Long.fromString('9007199254740992') }, doc)).toBe(false);
  });

  it('when comparing across types, then range operators only match within the type bracket', () => {
    expect(matches({ v: { $gt: 1 } }, { v: 'zzz' })).toBe(false);
    expect(matches({ v: { $lt: 'a' } }, { v: 1 })).toBe(false);
    expect(matches({ v: { $gte: null } }, {})).toBe(true);
    expect(matches({ v: { $gt: null } }, { v: null })).toBe(false);
  });

  it('when paths go through arrays of documents, then any element can satisfy the condition', () => {
    const doc = {
      items: [
        { k: 1, tags: ['a'] },
        { k: 2, tags: ['b', 'c'] },
      ],
    };
    expect(matches({ 'items.k': 2 }, doc)).toBe(true);
    expect(matches({ 'items.tags': 'c' }, doc)).toBe(true);
    expect(matches({ 'items.1.k': 2 }, doc)).toBe(true);
    expect(matches({ 'items.k': { $ne: 2 } }, doc)).toBe(false);
    expect(matches({ items: { $elemMatch: { k: 1, tags: 'b' } } }, doc)).toBe(false);
  });

  it('when null is queried, then missing fields and explicit nulls both match', () => {
    expect(matches({ a: null }, {})).toBe(true);
    expect(matches({ a: null }, { a: null })).toBe(true);
    expect(matches({ a: null }, { a: 0 })).toBe(false);
    expect(matches({ a: { $exists: true } }, { a: null })).toBe(true);
  });

  it('when regexes arrive as BSON regexes, then their options apply', () => {
    expect(matches({ s: new BSONRegExp('^ab', 'i') }, { s: 'ABC' })).toBe(true);
    expect(matches({ s: { $regex: 'b c', $options: 'x' } }, { s: 'abc' })).toBe(true);
    expect(matches({ s: { $in: [/^x/, 'abc'] } }, { s: 'abc' })).toBe(true);
  });

  it('when $type names bson types, then wrapped and promoted values are classified', () => {
    expect(matches({ v: { $type: 'objectId' } }, { v: new ObjectId() })).toBe(true);
    expect(matches({ v: { $type: ['long', 'decimal'] } }, { v: Decimal128.fromString('1') })).toBe(true);
    expect(matches({ v: { $type: 'number' } }, { v: 'x' })).toBe(false);
    expect(matches({ v: { $type: 2 } }, { v: 'x' })).toBe(true);
  });

  it('when a filter matches through an array, then the positional index is reported', () => {
    const details: MatchDetails = {};
    expect(compileFilter({ 'g.s': { $gt: 90 } })({ g: [{ s: 10 }, { s: 95 }] }, details)).toBe(true);
    expect(details.arrayIndex).toBe(1);
  });

  it('when an operator is unknown or malformed, then BadValue (2) is thrown', () => {
    expect(() => compileFilter({ a: { $nope: 1 } })).toThrow(MongoServerError);
    expect(() => compileFilter({ $and: [] })).toThrow(/nonempty/);
    try {
      compileFilter({ $bogus: 1 });
    } catch (err) {
      expect((err as MongoServerError).code).toBe(2);
    }
    expect.assertions(3);
  });
});
