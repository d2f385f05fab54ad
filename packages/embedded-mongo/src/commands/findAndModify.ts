/**
 * findAndModify: update, upsert or remove the first document in sort order and return it
 * (before or after), with `lastErrorObject` as mongod reports it. Failures are command
 * errors (ok:0), e.g. DuplicateKey with keyPattern/keyValue.
 */
import { type Doc } from '../bson/values';
import { fail } from '../errors';
import { compileProjection } from '../query/projection';
import {
  type CommandContext,
  collectionName,
  ensureCollection,
  findCollection,
  optionalDoc,
  runStatement,
  writerFor,
} from './context';
import { queryDocuments } from './readCommands';
import { isModified, planUpdate, updatedDocument, upsertDocument } from './updateCommand';
import { finishWrite } from './writeCommands';

/** findAndModify: {findAndModify, query, sort, update | remove, new, fields, upsert, arrayFilters}. */
export async function findAndModifyCommand(ctx: CommandContext): Promise<Doc> {
  const name = collectionName(ctx);
  const cmd = ctx.cmd;
  const remove = cmd.remove === true;
  const hasUpdate = cmd.update !== undefined;
  if (remove && hasUpdate) fail('FailedToParse', 'Cannot specify both an update and remove=true');
  if (!remove && !hasUpdate) fail('FailedToParse', 'Either an update or remove=true must be specified');
  if (remove && cmd.upsert === true) fail('FailedToParse', 'Cannot specify both upsert=true and remove=true');
  const filter = optionalDoc(cmd, 'query') ?? {};
  const projection = compileProjection(cmd.fields ?? cmd.projection);
  const returnNew = cmd.new === true;
  const plan = hasUpdate ? planUpdate(cmd.update, cmd.arrayFilters) : undefined;
  const writer = writerFor(ctx);
  const pending: Promise<void>[] = [];
  const reply = await runStatement(writer, pending, ctx.engine, (): Doc => {
    const [target] = queryDocuments(ctx, filter, cmd.sort, 0, 1);
    const coll = findCollection(ctx, name);
    if (remove) {
      if (!target || !coll) return { lastErrorObject: { n: 0 }, value: null, ok: 1 };
      writer.ensureWritable(coll, [target.id], []);
      writer.remove(coll, target.id);
      return {
        lastErrorObject: { n: 1 },
        value: projection.apply(target.doc, { arrayIndex: target.arrayIndex }),
        ok: 1,
      };
    }
    const update = plan!;
    if (!target) {
      if (cmd.upsert !== true)
        return { lastErrorObject: { n: 0, updatedExisting: false }, value: null, ok: 1 };
      const doc = upsertDocument(filter, update);
      writer.insert(ensureCollection(ctx, name, pending), doc);
      return {
        lastErrorObject: { n: 1, updatedExisting: false, upserted: doc._id },
        value: returnNew ? projection.apply(doc) : null,
        ok: 1,
      };
    }
    const doc = updatedDocument(target, update);
    if (isModified(target.doc, doc)) {
      writer.ensureWritable(coll!, [target.id], [doc]);
      writer.replace(coll!, target.id, doc);
    }
    const shown = returnNew ? doc : target.doc;
    return {
      lastErrorObject: { n: 1, updatedExisting: true },
      value: projection.apply(shown, { arrayIndex: target.arrayIndex }),
      ok: 1,
    };
  });
  return finishWrite(ctx, writer, pending, reply);
}
