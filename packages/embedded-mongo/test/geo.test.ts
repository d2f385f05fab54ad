/**
 * Geospatial queries against MongoDB's documented results: the `places` example of the
 * $geoNear reference (distances in metres on a sphere of radius 6378100 m), $near/$nearSphere
 * ordering and bounds, $geoWithin shapes, $geoIntersects, 2d indexes and MongoDB's errors.
 */
import { type Collection, type Document } from 'mongodb';
import { serverError } from './support/serverError';
import { type Loose, openTestDb, type TestDb } from './support/testDb';

let t: TestDb;
let places: Collection<Loose>;

beforeAll(async () => {
  t = await openTestDb('geo');
  places = t.db.collection<Loose>('places');
  await places.insertMany([
    {
      _id: 1,
      name: 'Central Park',
      location: { type: 'Point', coordinates: [-73.97, 40.77] },
      legacy: [-73.97, 40.77],
      category: 'Parks',
    },
    {
      _id: 8,
      name: 'Sara D. Roosevelt Park',
      location: { type: 'Point', coordinates: [-73.9928, 40.7193] },
      category: 'Parks',
    },
    {
      _id: 3,
      name: 'Polo Grounds',
      location: { type: 'Point', coordinates: [-73.9375, 40.8303] },
      legacy: [-73.9375, 40.8303],
      category: 'Stadiums',
    },
  ]);
  await places.createIndex({ location: '2dsphere' });
  await places.createIndex({ legacy: '2d' });
});
afterAll(() => t.close());

/** Distances are doubles computed by different code: equal to well under a micrometre. */
function expectMetres(actual: unknown, documented: number): void {
  expect(typeof actual).toBe('number');
  expect(Math.abs((actual as number) - documented)).toBeLessThan(1e-6);
}

describe('$geoNear (the reference page examples)', () => {
  it('when maxDistance is 2 m, then only Sara D. Roosevelt Park comes back, 0.954 m away', async () => {
    const rows = await places
      .aggregate([
        {
          $geoNear: {
            near: { type: 'Point', coordinates: [-73.99279, 40.719296] },
            distanceField: 'dist.calculated',
            maxDistance: 2,
            query: { category: 'Parks' },
            includeLocs: 'dist.location',
            spherical: true,
          },
        },
      ])
      .toArray();
    expect(rows.map((r) => r._id)).toEqual([8]);
    expectMetres(rows[0].dist.calculated, 0.9539931676365992);
    expect(rows[0].dist.location).toEqual({ type: 'Point', coordinates: [-73.9928, 40.7193] });
  });

  it('when minDistance is 2 m, then the parks at least that far come back, nearest first', async () => {
    const rows = await places
      .aggregate([
        {
          $geoNear: {
            near: { type: 'Point', coordinates: [-73.99279, 40.719296] },
            distanceField: 'dist.calculated',
            minDistance: 2,
            query: { category: 'Parks' },
            spherical: true,
          },
        },
      ])
      .toArray();
    expect(rows.map((r) => r._id)).toEqual([1]);
  });

  it('when key names the 2dsphere field, then parks come back nearest first with documented distances', async () => {
    const rows = await places
      .aggregate([
        {
          $geoNear: {
            near: { type: 'Point', coordinates: [-73.98142, 40.71782] },
            key: 'location',
            distanceField: 'dist.calculated',
            query: { category: 'Parks' },
          },
        },
        { $limit: 5 },
      ])
      .toArray();
    expect(rows.map((r) => r._id)).toEqual([8, 1]);
    expectMetres(rows[0].dist.calculated, 974.175764916902);
    expectMetres(rows[1].dist.calculated, 5887.92792958097);
  });

  it('when $geoNear is not the first stage, then the pipeline fails with code 40602', async () => {
    const err = await serverError(
      places
        .aggregate([{ $match: {} }, { $geoNear: { near: [0, 0], distanceField: 'd', key: 'legacy' } }])
        .toArray(),
    );
    expect(err.code).toBe(40602);
  });

  it('when the collection has no geo index, then $geoNear fails with IndexNotFound (27)', async () => {
    await t.db.collection('plain').insertOne({ location: { type: 'Point', coordinates: [0, 0] } });
    const err = await serverError(
      t.db
        .collection('plain')
        .aggregate([{ $geoNear: { near: { type: 'Point', coordinates: [0, 0] }, distanceField: 'd' } }])
        .toArray(),
    );
    expect(err.code).toBe(27);
  });
});

describe('$near and $nearSphere', () => {
  const here = { type: 'Point', coordinates: [-73.98142, 40.71782] };

  it('when $near has a GeoJSON point, then documents come nearest first within $maxDistance metres', async () => {
    const all = await places.find({ location: { $near: { $geometry: here } } }).toArray();
    expect(all.map((d) => d._id)).toEqual([8, 1, 3]);
    const near = await places
      .find({ location: { $near: { $geometry: here, $maxDistance: 1000 } } })
      .toArray();
    expect(near.map((d) => d._id)).toEqual([8]);
    const ring = await places
      .find({ location: { $near: { $geometry: here, $minDistance: 1000, $maxDistance: 6000 } } })
      .toArray();
    expect(ring.map((d) => d._id)).toEqual([1]);
  });

  it('when $nearSphere has a legacy pair, then $maxDistance is in radians', async () => {
    // 974 m is 1.527e-4 rad on a 6378.1 km sphere; 5888 m is 9.23e-4 rad.
    const docs = await places
      .find({ location: { $nearSphere: [-73.98142, 40.71782], $maxDistance: 0.0005 } })
      .toArray();
    expect(docs.map((d) => d._id)).toEqual([8]);
  });

  it('when $near has a legacy pair and a 2d index, then distances are planar in coordinate units', async () => {
    const docs = await places.find({ legacy: { $near: [-73.96, 40.78], $maxDistance: 0.05 } }).toArray();
    expect(docs.map((d) => d._id)).toEqual([1]);
    const both = await places.find({ legacy: { $near: [-73.96, 40.78] } }).toArray();
    expect(both.map((d) => d._id)).toEqual([1, 3]);
  });

  it('when $near is used without a geo index on its field, then it fails with code 291', async () => {
    const err = await serverError(
      t.db
        .collection('plain')
        .find({ location: { $near: { $geometry: { type: 'Point', coordinates: [0, 0] } } } })
        .toArray(),
    );
    expect(err.code).toBe(291);
    expect(err.message).toContain('unable to find index for $geoNear query');
  });

  it('when many points are indexed, then $near with a limit returns the true nearest in order', async () => {
    const grid = t.db.collection<Loose>('grid');
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const pts = Array.from({ length: 3000 }, (_, i) => ({
      _id: i,
      loc: { type: 'Point', coordinates: [116 + rand() * 2, 39 + rand() * 2] },
    }));
    await grid.insertMany(pts);
    await grid.createIndex({ loc: '2dsphere' });
    const q: [number, number] = [117.003, 40.011];
    const rad = Math.PI / 180;
    const dist = (p: number[]) => {
      const [a, b] = [q[1] * rad, p[1] * rad];
      const h =
        Math.sin((b - a) / 2) ** 2 + Math.cos(a) * Math.cos(b) * Math.sin(((p[0] - q[0]) * rad) / 2) ** 2;
      return 2 * Math.asin(Math.sqrt(h));
    };
    const expected = [...pts].sort((x, y) => dist(x.loc.coordinates) - dist(y.loc.coordinates)).slice(0, 20);
    const found = await grid
      .find({ loc: { $near: { $geometry: { type: 'Point', coordinates: q } } } })
      .limit(20)
      .toArray();
    expect(found.map((d) => d._id)).toEqual(expected.map((d) => d._id));
  });
});

describe('the planner and geo indexes (through explain)', () => {
  /** Every stage of a plan tree, depth first; both plan layouts MongoDB 7 emits. */
  function stages(plan: Document): Document[] {
    const root = plan.queryPlan ?? plan;
    return [
      root,
      ...(root.inputStage ? stages(root.inputStage) : []),
      ...(root.inputStages ?? []).flatMap(stages),
    ];
  }

  it('when $near asks for 10 of 3,000 points, then the plan reads the 2dsphere index and far fewer documents', async () => {
    const e = await t.db
      .collection<Loose>('grid')
      .find({ loc: { $near: { $geometry: { type: 'Point', coordinates: [117.003, 40.011] } } } })
      .limit(10)
      .explain('executionStats');
    const all = stages(e.queryPlanner.winningPlan);
    expect(all.find((s) => s.stage === 'GEO_NEAR_2DSPHERE')).toMatchObject({
      indexName: 'loc_2dsphere',
      keyPattern: { loc: '2dsphere' },
    });
    expect(all.map((s) => s.stage)).not.toContain('COLLSCAN');
    expect(e.executionStats.nReturned).toBe(10);
    expect(e.executionStats.totalDocsExamined).toBeLessThan(3000);
  });

  it('when $near uses a legacy pair on a 2d index, then the plan is GEO_NEAR_2D on that index', async () => {
    const e = await places.find({ legacy: { $near: [-73.97, 40.77] } }).explain('queryPlanner');
    expect(stages(e.queryPlanner.winningPlan).find((s) => s.stage === 'GEO_NEAR_2D')).toMatchObject({
      indexName: 'legacy_2d',
    });
  });
});

describe('$geoWithin and $geoIntersects', () => {
  const manhattanBox = {
    type: 'Polygon',
    coordinates: [
      [
        [-74.0, 40.7],
        [-73.96, 40.7],
        [-73.96, 40.78],
        [-74.0, 40.78],
        [-74.0, 40.7],
      ],
    ],
  };
  const ids = async (filter: object) =>
    (await places.find(filter).sort({ _id: 1 }).toArray()).map((d) => d._id);

  it('when $geometry is a Polygon or MultiPolygon, then the points inside it match', async () => {
    expect(await ids({ location: { $geoWithin: { $geometry: manhattanBox } } })).toEqual([1, 8]);
    const multi = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [-73.94, 40.82],
            [-73.93, 40.82],
            [-73.93, 40.84],
            [-73.94, 40.84],
            [-73.94, 40.82],
          ],
        ],
        [
          [
            [-73.98, 40.76],
            [-73.96, 40.76],
            [-73.96, 40.78],
            [-73.98, 40.78],
            [-73.98, 40.76],
          ],
        ],
      ],
    };
    expect(await ids({ location: { $geoWithin: { $geometry: multi } } })).toEqual([1, 3]);
  });

  it('when legacy shapes are used, then $box, $polygon, $center and $centerSphere match as documented', async () => {
    expect(
      await ids({
        legacy: {
          $geoWithin: {
            $box: [
              [-74, 40.7],
              [-73.95, 40.8],
            ],
          },
        },
      }),
    ).toEqual([1]);
    expect(
      await ids({
        legacy: {
          $geoWithin: {
            $polygon: [
              [-74, 40.7],
              [-73.9, 40.7],
              [-73.9, 41.0],
            ],
          },
        },
      }),
    ).toEqual([1, 3]);
    expect(await ids({ legacy: { $geoWithin: { $center: [[-73.97, 40.77], 0.1] } } })).toEqual([1, 3]);
    // 1 km around Sara D. Roosevelt Park, as radians (km / 6378.1).
    expect(
      await ids({ location: { $geoWithin: { $centerSphere: [[-73.9928, 40.7193], 1 / 6378.1] } } }),
    ).toEqual([8]);
  });

  it('when $geoIntersects has a Polygon, then the points in it intersect', async () => {
    expect(await ids({ location: { $geoIntersects: { $geometry: manhattanBox } } })).toEqual([1, 8]);
  });

  it('when a stored polygon contains the query point, then $geoIntersects matches it', async () => {
    const zones = t.db.collection<Loose>('zones');
    await zones.createIndex({ area: '2dsphere' });
    await zones.insertMany([
      { _id: 'm', area: manhattanBox },
      { _id: 'p', area: { type: 'Point', coordinates: [10, 10] } },
    ]);
    const hit = await zones
      .find({ area: { $geoIntersects: { $geometry: { type: 'Point', coordinates: [-73.98, 40.75] } } } })
      .toArray();
    expect(hit.map((d) => d._id)).toEqual(['m']);
  });

  it('when a document has a malformed location under a 2dsphere index, then the insert fails with 16755', async () => {
    const err = await serverError(
      places.insertOne({ _id: 99, location: { type: 'Point', coordinates: [500, 1] } }),
    );
    expect(err.code).toBe(16755);
  });
});
