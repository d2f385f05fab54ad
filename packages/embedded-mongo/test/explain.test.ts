/**
 * explain in MongoDB's shapes: queryPlanner.winningPlan with IXSCAN/COLLSCAN/FETCH stages
 * (indexName, keyPattern) and executionStats counters, for find, aggregate, count, update and
 * delete. Helpers accept both plan layouts MongoDB 7 emits (classic, and SBE's `queryPlan`).
 */
import { type Collection, type Document } from 'mongodb';
import { type Loose, openTestDb, type TestDb } from './support/testDb';

let t: TestDb;
let c: Collection<Loose>;
beforeAll(async () => {
  t = await openTestDb('explain');
  c = t.db.collection<Loose>('items');
  await c.insertMany(Array.from({ length: 50 }, (_, i) => ({ _id: i, sku: `s${i}`, n: i % 10, tag: 'x' })));
  await c.createIndex({ sku: 1 });
});
afterAll(() => t.close());

/** Every stage of a plan tree, depth first. */
function stages(plan: Document): Document[] {
  const root = plan.queryPlan ?? plan;
  const out = [root];
  if (root.inputStage) out.push(...stages(root.inputStage));
  for (const s of root.inputStages ?? []) out.push(...stages(s));
  return out;
}

function planner(explain: Document): Document {
  return explain.queryPlanner ?? explain.stages[0].$cursor.queryPlanner;
}

function stats(explain: Document): Document {
  return explain.executionStats ?? explain.stages[0].$cursor.executionStats;
}

describe('explain find', () => {
  it('when the filter uses an index, then the plan is FETCH over IXSCAN naming it, with counts', async () => {
    const e = await c.find({ sku: 's7' }).explain('executionStats');
    const all = stages(planner(e).winningPlan);
    const ixscan = all.find((s) => s.stage === 'IXSCAN');
    expect(ixscan).toMatchObject({ indexName: 'sku_1', keyPattern: { sku: 1 } });
    expect(all.map((s) => s.stage)).toContain('FETCH');
    expect(stats(e)).toMatchObject({ nReturned: 1, totalKeysExamined: 1, totalDocsExamined: 1 });
    expect(typeof stats(e).executionTimeMillis).toBe('number');
    expect(planner(e).namespace).toBe(`${t.dbName}.items`);
  });

  it('when no index applies, then the plan is a COLLSCAN that examined every document', async () => {
    const e = await c.find({ n: 3 }).explain('executionStats');
    expect(stages(planner(e).winningPlan).map((s) => s.stage)).toContain('COLLSCAN');
    expect(stats(e)).toMatchObject({ nReturned: 5, totalKeysExamined: 0, totalDocsExamined: 50 });
  });

  it('when verbosity is queryPlanner, then executionStats is absent', async () => {
    const e = await c.find({ sku: 's1' }).explain('queryPlanner');
    expect(planner(e).winningPlan).toBeDefined();
    expect(e.executionStats).toBeUndefined();
  });

  it('when verbosity is allPlansExecution, then executionStats lists allPlansExecution', async () => {
    const e = await c.find({ sku: 's1' }).explain('allPlansExecution');
    expect(Array.isArray(stats(e).allPlansExecution)).toBe(true);
  });

  it('when the query sorts on an unindexed field with a limit, then a SORT stage carries the limit', async () => {
    const e = await c.find({ tag: 'x' }).sort({ n: -1 }).limit(3).explain('executionStats');
    const sort = stages(planner(e).winningPlan).find((s) => s.stage === 'SORT');
    expect(sort).toMatchObject({ sortPattern: { n: -1 }, limitAmount: 3 });
    expect(stats(e).nReturned).toBe(3);
  });
});

describe('explain aggregate, count, update and delete', () => {
  it('when a pipeline starts with an indexed $match, then the cursor stage shows the IXSCAN', async () => {
    const e = await c
      .aggregate([{ $match: { sku: { $in: ['s1', 's2'] } } }, { $group: { _id: '$n', k: { $sum: 1 } } }])
      .explain('executionStats');
    expect(stages(planner(e).winningPlan).find((s) => s.stage === 'IXSCAN')).toMatchObject({
      indexName: 'sku_1',
    });
  });

  it('when count is explained, then the plan reads through the index and nothing is returned', async () => {
    const e = await t.db.command({
      explain: { count: 'items', query: { sku: 's3' } },
      verbosity: 'executionStats',
    });
    const all = stages(e.queryPlanner.winningPlan);
    expect(all[0].stage).toBe('COUNT');
    // mongod reads a count through COUNT_SCAN, this server through IXSCAN: both name the index.
    expect(all.find((s) => s.indexName === 'sku_1')).toMatchObject({ keyPattern: { sku: 1 } });
    expect(e.executionStats.nReturned).toBe(0);
  });

  it('when an update is explained, then UPDATE sits over the read and nothing is written', async () => {
    const e = await t.db.command({
      explain: { update: 'items', updates: [{ q: { sku: 's4' }, u: { $set: { n: 100 } } }] },
      verbosity: 'executionStats',
    });
    const all = stages(e.queryPlanner.winningPlan);
    expect(all[0].stage).toBe('UPDATE');
    expect(all.find((s) => s.stage === 'IXSCAN')).toMatchObject({ keyPattern: { sku: 1 } });
    expect(e.executionStats.totalDocsExamined).toBe(1);
    expect((await c.findOne({ sku: 's4' }))!.n).toBe(4);
  });

  it('when a delete is explained, then DELETE sits over a COLLSCAN and the documents stay', async () => {
    const e = await t.db.command({
      explain: { delete: 'items', deletes: [{ q: { n: 5 }, limit: 0 }] },
      verbosity: 'executionStats',
    });
    const all = stages(e.queryPlanner.winningPlan);
    expect(all[0].stage).toBe('DELETE');
    expect(all.map((s) => s.stage)).toContain('COLLSCAN');
    expect(e.executionStats.totalDocsExamined).toBe(50);
    expect(await c.countDocuments({ n: 5 })).toBe(5);
  });
});
