import { recordId } from '../storage/collection';
import { Engine } from './engine';
import { sweepExpired } from './ttl';

function engineWith(direction: 1 | -1): Engine {
  const engine = new Engine();
  const coll = engine.catalog.create('db', 'sessions');
  coll.addIndex({ v: 2, key: { at: direction }, name: 'at_ttl', expireAfterSeconds: 60 });
  const now = Date.now();
  const docs = [
    { _id: 'old', at: new Date(now - 120_000) },
    { _id: 'older-in-array', at: [new Date(now + 3_600_000), new Date(now - 600_000)] },
    { _id: 'fresh', at: new Date(now - 1_000) },
    { _id: 'not-a-date', at: 'yesterday' },
    { _id: 'missing' },
  ];
  for (const doc of docs) coll.insert(doc, recordId(doc._id), engine.nextTs(), false);
  return engine;
}

describe('sweepExpired', () => {
  it.each([1, -1] as const)(
    'when documents expire under an index of direction %i, then exactly those are deleted',
    async (direction) => {
      const engine = engineWith(direction);
      expect(await sweepExpired(engine)).toBe(2);
      const left = [...engine.catalog.get('db', 'sessions')!.records.values()].map((r) => r.doc._id).sort();
      expect(left).toEqual(['fresh', 'missing', 'not-a-date']);
    },
  );
});
