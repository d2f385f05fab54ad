/**
 * Collection validators: $jsonSchema and query-operator validators from create, the
 * validationLevel/validationAction options, bypassDocumentValidation and collMod; a refused
 * write is DocumentValidationFailure (121) with errInfo shaped as mongod shapes it.
 */
import { MongoServerError } from 'mongodb';
import { serverError } from './support/serverError';
import { type Loose, openTestDb, type TestDb } from './support/testDb';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb('validation');
  await t.db.createCollection('workers', {
    validator: {
      $jsonSchema: {
        bsonType: 'object',
        required: ['name', 'age'],
        properties: {
          name: { bsonType: 'string', minLength: 1 },
          age: { bsonType: 'int', minimum: 16, maximum: 70, description: '年龄须在16到70岁之间' },
        },
      },
    },
  });
});
afterAll(() => t.close());

const workers = () => t.db.collection<Loose>('workers');

describe('$jsonSchema validator', () => {
  it('when a document satisfies the schema, then it is stored', async () => {
    await workers().insertOne({ _id: 1, name: '张三', age: 30 });
    expect(await workers().countDocuments()).toBe(1);
  });

  it('when a required field is missing, then 121 names the missing property in errInfo', async () => {
    const err = await serverError(workers().insertOne({ _id: 2, name: '李四' }));
    expect(err.code).toBe(121);
    expect(err.errInfo).toMatchObject({ failingDocumentId: 2, details: { operatorName: '$jsonSchema' } });
    const rules = err.errInfo!.details.schemaRulesNotSatisfied;
    expect(rules).toContainEqual(
      expect.objectContaining({ operatorName: 'required', missingProperties: ['age'] }),
    );
    expect(await workers().countDocuments({ _id: 2 })).toBe(0);
  });

  it('when a property breaks its rule, then errInfo lists it under properties with its description', async () => {
    const err = await serverError(workers().insertOne({ _id: 3, name: '王五', age: 12 }));
    expect(err.code).toBe(121);
    const [rule] = err.errInfo!.details.schemaRulesNotSatisfied;
    expect(rule.operatorName).toBe('properties');
    expect(rule.propertiesNotSatisfied[0]).toMatchObject({
      propertyName: 'age',
      description: '年龄须在16到70岁之间',
    });
  });

  it('when an update would break the schema, then it is refused and the document is unchanged', async () => {
    const err = await serverError(workers().updateOne({ _id: 1 }, { $set: { age: 'thirty' } }));
    expect(err.code).toBe(121);
    expect((await workers().findOne({ _id: 1 }))?.age).toBe(30);
  });

  it('when bypassDocumentValidation is set, then the invalid document is stored', async () => {
    await workers().insertOne({ _id: 4, name: '赵六' }, { bypassDocumentValidation: true });
    expect(await workers().countDocuments({ _id: 4 })).toBe(1);
  });

  it('when $jsonSchema is used in a find filter, then it selects the documents that satisfy it', async () => {
    const valid = await workers()
      .find({ $jsonSchema: { required: ['age'] } })
      .toArray();
    expect(valid.map((d) => d._id)).toEqual([1]);
  });
});

describe('query-operator validators, levels, actions and collMod', () => {
  beforeAll(async () => {
    await t.db.createCollection('passes', {
      validator: { seats: { $gte: 1 }, status: { $in: ['open', 'closed'] } },
    });
  });
  const passes = () => t.db.collection<Loose>('passes');

  it('when a field condition fails, then errInfo details the failing clause under $and', async () => {
    await passes().insertOne({ _id: 1, seats: 3, status: 'open' });
    const err = await serverError(passes().insertOne({ _id: 2, seats: 0, status: 'open' }));
    expect(err.code).toBe(121);
    expect(err.errInfo).toMatchObject({ failingDocumentId: 2, details: { operatorName: '$and' } });
    expect(err.errInfo!.details.clausesNotSatisfied[0]).toMatchObject({
      index: 0,
      details: { operatorName: '$gte' },
    });
  });

  it('when validationAction is warn, then invalid documents are stored', async () => {
    await t.db.command({ collMod: 'passes', validationAction: 'warn' });
    await passes().insertOne({ _id: 3, seats: 0, status: 'open' });
    expect(await passes().countDocuments({ _id: 3 })).toBe(1);
    await t.db.command({ collMod: 'passes', validationAction: 'error' });
  });

  it('when validationLevel is moderate, then updates of already-invalid documents pass', async () => {
    await t.db.command({ collMod: 'passes', validationLevel: 'moderate' });
    await passes().updateOne({ _id: 3 }, { $set: { note: 'legacy' } });
    expect((await passes().findOne({ _id: 3 }))?.note).toBe('legacy');
    const err = await serverError(passes().updateOne({ _id: 1 }, { $set: { seats: 0 } }));
    expect(err.code).toBe(121);
  });

  it('when collMod replaces the validator, then new writes follow the new one and listCollections shows it', async () => {
    await t.db.command({ collMod: 'passes', validator: { seats: { $lte: 50 } }, validationLevel: 'strict' });
    await passes().insertOne({ _id: 5, seats: 0 });
    const err = await serverError(passes().insertOne({ _id: 6, seats: 51 }));
    expect(err).toBeInstanceOf(MongoServerError);
    expect(err.code).toBe(121);
    const [info] = await t.db.listCollections({ name: 'passes' }).toArray();
    expect(info).toMatchObject({
      options: { validator: { seats: { $lte: 50 } }, validationLevel: 'strict' },
    });
  });

  it('when collMod hides an index, then the planner stops using it and listIndexes says hidden', async () => {
    await passes().createIndex({ seats: 1 });
    const reply = await t.db.command({ collMod: 'passes', index: { name: 'seats_1', hidden: true } });
    expect(reply).toMatchObject({ hidden_old: false, hidden_new: true });
    const e = await passes().find({ seats: 3 }).explain('queryPlanner');
    expect(JSON.stringify(e.queryPlanner.winningPlan)).not.toContain('seats_1');
    const spec = (await passes().listIndexes().toArray()).find((i) => i.name === 'seats_1');
    expect(spec?.hidden).toBe(true);
  });
});
