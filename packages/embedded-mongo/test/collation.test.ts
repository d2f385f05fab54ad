/**
 * Collations (ICU through Node's Intl.Collator): pinyin order for Chinese names, strengths,
 * numericOrdering, caseLevel in find/sort/count/distinct/aggregate/update/delete; indexes with a
 * collation (unique ones refuse collation-equal keys) and the planner's rule that an index
 * answers string predicates only under its own collation (asserted through explain).
 */
import { type Collection, type Document } from 'mongodb';
import { serverError } from './support/serverError';
import { type Loose, openTestDb, type TestDb } from './support/testDb';

let t: TestDb;
const zh = { locale: 'zh' };
const enCi = { locale: 'en', strength: 2 };

beforeAll(async () => {
  t = await openTestDb('collation');
});
afterAll(() => t.close());

function coll(name: string): Collection<Loose> {
  return t.db.collection<Loose>(name);
}

function winningStages(explain: Document): string[] {
  const out: string[] = [];
  const walk = (s: Document | undefined): void => {
    if (!s) return;
    const root = s.queryPlan ?? s;
    out.push(root.stage === 'IXSCAN' ? `IXSCAN:${root.indexName}` : root.stage);
    walk(root.inputStage);
    for (const c of root.inputStages ?? []) walk(c);
  };
  walk((explain.queryPlanner ?? explain.stages[0].$cursor.queryPlanner).winningPlan);
  return out;
}

describe('collation in queries', () => {
  const names = ['赵六', '张三', '李四', '王五', '阿明', '欧阳娜'];
  beforeAll(async () => {
    await coll('people').insertMany(names.map((name, i) => ({ _id: i, name })));
    await coll('words').insertMany([
      { _id: 1, w: 'résumé' },
      { _id: 2, w: 'Resume' },
      { _id: 3, w: 'resume' },
      { _id: 4, w: 'RÉSUMÉ' },
      { _id: 5, w: 'item10' },
      { _id: 6, w: 'item9' },
    ]);
  });

  it('when people are sorted by name under {locale: "zh"}, then they come in pinyin order', async () => {
    const sorted = await coll('people').find({}, { collation: zh }).sort({ name: 1 }).toArray();
    expect(sorted.map((d) => d.name)).toEqual(['阿明', '李四', '欧阳娜', '王五', '张三', '赵六']);
    const plain = await coll('people').find({}).sort({ name: 1 }).toArray();
    expect(plain.map((d) => d.name)).not.toEqual(sorted.map((d) => d.name));
  });

  it('when aggregate sorts under zh, then $match and $sort follow the collation', async () => {
    const out = await coll('people')
      .aggregate(
        [{ $match: { name: { $gte: '李' } } }, { $sort: { name: -1 } }, { $project: { _id: 0, name: 1 } }],
        {
          collation: zh,
        },
      )
      .toArray();
    expect(out.map((d) => d.name)).toEqual(['赵六', '张三', '王五', '欧阳娜', '李四']);
  });

  it('when strength is 1, 2 or 3, then case and accents count as ICU says', async () => {
    const ids = async (strength: number) =>
      (
        await coll('words')
          .find({ w: 'resume' }, { collation: { locale: 'en', strength } })
          .toArray()
      )
        .map((d) => d._id)
        .sort();
    expect(await ids(1)).toEqual([1, 2, 3, 4]);
    expect(await ids(2)).toEqual([2, 3]);
    expect(await ids(3)).toEqual([3]);
    const caseLevel = await coll('words')
      .find({ w: 'resume' }, { collation: { locale: 'en', strength: 1, caseLevel: true } })
      .toArray();
    expect(caseLevel.map((d) => d._id).sort()).toEqual([1, 3]);
  });

  it('when numericOrdering is on, then item9 sorts before item10', async () => {
    const q = { w: { $regex: '^item' } };
    const numeric = await coll('words')
      .find(q, { collation: { locale: 'en', numericOrdering: true } })
      .sort({ w: 1 })
      .toArray();
    expect(numeric.map((d) => d.w)).toEqual(['item9', 'item10']);
    const plain = await coll('words').find(q).sort({ w: 1 }).toArray();
    expect(plain.map((d) => d.w)).toEqual(['item10', 'item9']);
  });

  it('when count, distinct, update and delete carry a collation, then they match case-insensitively', async () => {
    expect(await coll('words').countDocuments({ w: 'RESUME' }, { collation: enCi })).toBe(2);
    expect(await coll('words').countDocuments({ w: 'RESUME' })).toBe(0);
    const distinct = await coll('words').distinct(
      'w',
      { _id: { $lte: 4 } },
      { collation: { locale: 'en', strength: 1 } },
    );
    expect(distinct).toHaveLength(1);
    const updated = await coll('words').updateMany(
      { w: 'RESUME' },
      { $set: { seen: true } },
      { collation: enCi },
    );
    expect(updated.modifiedCount).toBe(2);
    const deleted = await coll('words').deleteMany({ w: { $in: ['ITEM9'] } }, { collation: enCi });
    expect(deleted.deletedCount).toBe(1);
  });
});

describe('collation in indexes and collections', () => {
  it('when a unique index has a strength-2 collation, then names differing only in case collide', async () => {
    const c = coll('firms');
    await c.createIndex({ name: 1 }, { unique: true, collation: enCi });
    await c.insertOne({ name: 'Acme' });
    const err = await serverError(c.insertOne({ name: 'ACME' }));
    expect(err.code).toBe(11000);
    await c.insertOne({ name: 'Ácme' });
    const [spec] = (await c.listIndexes().toArray()).filter((i) => i.name === 'name_1');
    expect(spec.collation).toMatchObject({
      locale: 'en',
      strength: 2,
      caseLevel: false,
      numericOrdering: false,
    });
  });

  it('when the query has the index collation, then the planner uses it; otherwise it scans', async () => {
    const c = coll('firms');
    const same = await c.find({ name: 'acme' }, { collation: enCi }).explain('executionStats');
    expect(winningStages(same)).toContain('IXSCAN:name_1');
    expect(same.executionStats.nReturned).toBe(1);
    const simple = await c.find({ name: 'acme' }).explain('executionStats');
    expect(winningStages(simple)).toContain('COLLSCAN');
    expect(simple.executionStats.nReturned).toBe(0);
  });

  it('when a collection is created with a default collation, then queries and new indexes inherit it', async () => {
    await t.db.createCollection('staff', { collation: zh });
    const c = coll('staff');
    await c.insertMany([{ name: '张三' }, { name: '阿明' }, { name: '李四' }]);
    const sorted = await c
      .find({}, { projection: { _id: 0 } })
      .sort({ name: 1 })
      .toArray();
    expect(sorted.map((d) => d.name)).toEqual(['阿明', '李四', '张三']);
    await c.createIndex({ name: 1 });
    const [spec] = (await c.listIndexes().toArray()).filter((i) => i.name === 'name_1');
    expect(spec.collation).toMatchObject({ locale: 'zh' });
    const e = await c.find({ name: '李四' }).explain('queryPlanner');
    expect(winningStages(e)).toContain('IXSCAN:name_1');
    const [info] = await t.db.listCollections({ name: 'staff' }).toArray();
    expect((info as Document).options.collation).toMatchObject({ locale: 'zh' });
    const simple = await c
      .find({}, { collation: { locale: 'simple' } })
      .sort({ name: 1 })
      .toArray();
    expect(simple.map((d) => d.name)).toEqual(['张三', '李四', '阿明']);
  });
});
