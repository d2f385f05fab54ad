/**
 * $text over a text index: case- and diacritic-insensitive tokens split at punctuation, English
 * stop words and plurals, phrases, negation, weights, {$meta: 'textScore'} in projection and
 * sort, one text index per collection, and Chinese runs kept whole (mongod does not segment).
 */
import { type Collection } from 'mongodb';
import { serverError } from './support/serverError';
import { type Loose, openTestDb, type TestDb } from './support/testDb';

let t: TestDb;
let jobs: Collection<Loose>;
beforeAll(async () => {
  t = await openTestDb('text');
  jobs = t.db.collection<Loose>('jobs');
  await jobs.insertMany([
    { _id: 1, title: 'Forklift driver', body: 'Warehouse work, night shifts.' },
    { _id: 2, title: 'Café cook', body: 'Cooking for the canteen; forklift licence not needed.' },
    { _id: 3, title: 'Warehouse packer', body: 'Packing boxes in the warehouse.' },
    { _id: 4, title: '叉车司机', body: '仓库 夜班' },
  ]);
  await jobs.createIndex({ title: 'text', body: 'text' }, { weights: { title: 10 }, name: 'job_text' });
});
afterAll(() => t.close());

const ids = async (search: string) =>
  (await jobs.find({ $text: { $search: search } }).toArray()).map((d) => d._id).sort();

describe('$text', () => {
  it('when terms differ only in case, diacritics or plural, then they match', async () => {
    expect(await ids('FORKLIFT')).toEqual([1, 2]);
    expect(await ids('cafe')).toEqual([2]);
    expect(await ids('box')).toEqual([3]);
  });

  it('when a phrase or a negated term is given, then both constrain the matches', async () => {
    expect(await ids('"night shifts"')).toEqual([1]);
    expect(await ids('forklift -canteen')).toEqual([1]);
  });

  it('when only stop words are searched, then nothing matches', async () => {
    expect(await ids('the for')).toEqual([]);
  });

  it('when Chinese text is searched, then only whole space-separated runs match', async () => {
    expect(await ids('仓库')).toEqual([4]);
    expect(await ids('叉车')).toEqual([]);
  });

  it('when sorting by textScore, then the title weight puts title matches first', async () => {
    const found = await jobs
      .find({ $text: { $search: 'forklift' } }, { projection: { score: { $meta: 'textScore' } } })
      .sort({ score: { $meta: 'textScore' } })
      .toArray();
    expect(found.map((d) => d._id)).toEqual([1, 2]);
    // mongod's formula: weight 10 × (0.5 × 1/2 + 0.5) for the two-word title.
    expect(found[0].score).toBeCloseTo(7.5, 6);
    expect(found[0].score).toBeGreaterThan(found[1].score);
    expect(found[0].title).toBe('Forklift driver');
  });

  it('when the index is listed, then it has the text key, weights and default language', async () => {
    const spec = (await jobs.listIndexes().toArray()).find((i) => i.name === 'job_text');
    expect(spec).toMatchObject({
      key: { _fts: 'text', _ftsx: 1 },
      weights: { title: 10, body: 1 },
      default_language: 'english',
      textIndexVersion: 3,
    });
  });

  it('when a second text index is created, then it is refused', async () => {
    const err = await serverError(jobs.createIndex({ title: 'text' }));
    expect(err.code).toBe(85);
  });

  it('when $text is used without a text index, then IndexNotFound is returned', async () => {
    await t.db.collection('plain').insertOne({ a: 'x' });
    const err = await serverError(
      t.db
        .collection('plain')
        .find({ $text: { $search: 'x' } })
        .toArray(),
    );
    expect(err.code).toBe(27);
  });
});
