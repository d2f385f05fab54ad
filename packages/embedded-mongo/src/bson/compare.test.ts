import { Binary, Decimal128, Long, MaxKey, MinKey, ObjectId } from 'bson';
import { compareValues } from './compare';
import { canonicalKey } from './keys';
import { arithmetic, compareNumbers } from './numbers';

describe('compareValues', () => {
  it('when values have different types, then MongoDB canonical type order decides', () => {
    const ordered = [
      new MinKey(),
      null,
      1,
      'a',
      { a: 1 },
      [1],
      new Binary(Buffer.from([1])),
      new ObjectId(),
      false,
      new Date(0),
      new MaxKey(),
    ];
    for (let i = 1; i < ordered.length; i++) expect(compareValues(ordered[i - 1], ordered[i])).toBe(-1);
  });

  it('when numbers differ only in bson type, then they compare equal and order by value', () => {
    expect(compareNumbers(Long.fromNumber(3), 3)).toBe(0);
    expect(compareNumbers(Decimal128.fromString('3.000'), 3)).toBe(0);
    expect(compareNumbers(Decimal128.fromString('0.1'), Decimal128.fromString('0.10000001'))).toBe(-1);
    expect(compareNumbers(Long.fromString('9007199254740993'), 9007199254740992)).toBe(1);
    expect(compareNumbers(Number.NaN, -Infinity)).toBe(-1);
  });

  it('when documents have the same fields in another order, then they are not equal', () => {
    expect(compareValues({ a: 1, b: 2 }, { b: 2, a: 1 })).not.toBe(0);
    expect(compareValues({ a: 1 }, { a: 1 })).toBe(0);
  });
});

describe('canonicalKey', () => {
  it('when numbers are equal across types, then their keys are equal', () => {
    expect(canonicalKey(5)).toBe(canonicalKey(Long.fromNumber(5)));
    expect(canonicalKey(2.5)).toBe(canonicalKey(Decimal128.fromString('2.50')));
    expect(canonicalKey(100)).toBe(canonicalKey(Decimal128.fromString('1E+2')));
    expect(canonicalKey(null)).toBe(canonicalKey(undefined));
    expect(canonicalKey('5')).not.toBe(canonicalKey(5));
  });
});

describe('arithmetic', () => {
  it('when adding ints, longs, doubles and decimals, then result types follow MongoDB', () => {
    expect(arithmetic(1, 2, 'add')).toBe(3);
    expect(arithmetic(2147483647, 1, 'add')).toEqual(Long.fromNumber(2147483648));
    expect((arithmetic(Long.fromString('9007199254740993'), 2, 'add') as Long).toString()).toBe(
      '9007199254740995',
    );
    expect(arithmetic(1.5, 1, 'add')).toBe(2.5);
    expect(
      (
        arithmetic(Decimal128.fromString('0.1'), Decimal128.fromString('0.2'), 'add') as Decimal128
      ).toString(),
    ).toBe('0.3');
    expect((arithmetic(Decimal128.fromString('1.5'), 2, 'multiply') as Decimal128).toString()).toBe('3.0');
  });
});
