import { Types, type Model } from 'mongoose';
import type { EnterpriseDoc, EnterpriseSize } from './enterprise.model';
import { isDuplicateKey } from '../../db/errors';
import { DomainError } from '../../errors';
import type { Connection } from 'mongoose';
import { enterpriseModel } from './enterprise.model';

/** A registry row as the daily report lists it. */
export type RegistryRow = Pick<
  EnterpriseDoc,
  '_id' | 'name' | 'creditCode' | 'regionCode' | 'address' | 'industry' | 'size'
>;

/** An enterprise as services see it: plain data, id as a string. */
export interface EnterpriseRecord {
  id: string;
  name: string;
  creditCode: string;
  industry: string;
  size: EnterpriseSize;
  regionCode: string;
  address: string;
  headcount: number;
  liaisonInviteCode: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The registry fields an admin writes (create, edit, import). */
export type EnterpriseInput = Pick<
  EnterpriseRecord,
  'name' | 'creditCode' | 'industry' | 'size' | 'regionCode' | 'address' | 'headcount'
>;

/** A firm as a list of many shows it. */
export interface EnterpriseBrief {
  id: string;
  name: string;
  regionCode: string;
}

/** Filters for the admin list; every field optional. */
export interface EnterpriseFilter {
  regionCode?: string;
  size?: EnterpriseSize;
  industry?: string;
  /** Restricts to these ids (a steward's or liaison's scope); an empty list matches nothing. */
  ids?: string[];
  q?: string;
}

function toRecord(doc: EnterpriseDoc): EnterpriseRecord {
  return {
    id: doc._id.toHexString(),
    name: doc.name,
    creditCode: doc.creditCode,
    industry: doc.industry,
    size: doc.size,
    regionCode: doc.regionCode,
    address: doc.address ?? '',
    headcount: doc.headcount,
    liaisonInviteCode: doc.liaisonInviteCode ?? null,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

const toIds = (ids: string[]) =>
  ids.filter((id) => Types.ObjectId.isValid(id)).map((id) => new Types.ObjectId(id));

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The enterprise registry (企业库). Other modules depend on findById/listByIds: keep them stable. */
export class EnterpriseRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): EnterpriseRepository {
    return new EnterpriseRepository(enterpriseModel(conn));
  }

  constructor(private readonly model: Model<EnterpriseDoc>) {}

  // ---- Reads for the dashboard's rollups (their sync and their recount from raw data), as stored.

  /** The fields an enterprise's cell is made of; null for an unknown id. */
  cellFieldsOf(
    id: string,
  ): Promise<Pick<EnterpriseDoc, '_id' | 'regionCode' | 'address' | 'industry' | 'size'> | null> {
    return this.model.findById(id, { regionCode: 1, address: 1, industry: 1, size: 1 }).lean<EnterpriseDoc>();
  }

  /** The whole stored enterprise; null when it is gone. */
  storedById(id: string): Promise<EnterpriseDoc | null> {
    return this.model.findById(id).lean<EnterpriseDoc>();
  }

  /** Ids of enterprises whose registry entry changed since `since` (after a bulk import). */
  async idsUpdatedSince(since: Date): Promise<string[]> {
    const docs = await this.model.find({ updatedAt: { $gte: since } }, { _id: 1 }).lean<EnterpriseDoc[]>();
    return docs.map((d) => d._id.toHexString());
  }

  /** The registry rows an export lists, read as a cursor in batches of `batchSize`. */
  registryRows(filter: Partial<Pick<RegistryRow, 'regionCode' | 'industry' | 'size'>>, batchSize: number) {
    return this.model
      .find(filter, { name: 1, creditCode: 1, regionCode: 1, address: 1, industry: 1, size: 1 })
      .lean<RegistryRow>()
      .cursor({ batchSize });
  }

  /** About how many enterprises are registered (the collection's count, no scan). */
  estimatedCount(): Promise<number> {
    return this.model.estimatedDocumentCount();
  }

  /** Every enterprise's cell fields and headcount, as a cursor. */
  cellsForRecount(batchSize: number) {
    return this.model
      .find({}, { regionCode: 1, address: 1, industry: 1, size: 1, headcount: 1 })
      .lean<Pick<EnterpriseDoc, '_id' | 'regionCode' | 'address' | 'industry' | 'size' | 'headcount'>>()
      .cursor({ batchSize });
  }

  async findById(id: string): Promise<EnterpriseRecord | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const doc = await this.model.findById(id).lean<EnterpriseDoc>();
    return doc ? toRecord(doc) : null;
  }

  /** The enterprises with these ids, in no particular order; unknown ids are skipped. */
  async listByIds(ids: string[]): Promise<EnterpriseRecord[]> {
    if (ids.length === 0) return [];
    const docs = await this.model.find({ _id: { $in: toIds(ids) } }).lean<EnterpriseDoc[]>();
    return docs.map(toRecord);
  }

  async findByCreditCode(creditCode: string): Promise<EnterpriseRecord | null> {
    const doc = await this.model.findOne({ creditCode }).lean<EnterpriseDoc>();
    return doc ? toRecord(doc) : null;
  }

  /** Ids by credit code, for imports that name firms by their code (unknown codes are absent). */
  async idsByCreditCodes(codes: string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const docs = await this.model
      .find({ creditCode: { $in: codes } }, { creditCode: 1 })
      .lean<Pick<EnterpriseDoc, '_id' | 'creditCode'>[]>();
    return new Map(docs.map((d) => [d.creditCode, d._id.toHexString()]));
  }

  async findByInviteCode(code: string): Promise<EnterpriseRecord | null> {
    const doc = await this.model.findOne({ liaisonInviteCode: code }).lean<EnterpriseDoc>();
    return doc ? toRecord(doc) : null;
  }

  /** Creates one enterprise; a taken credit code is a CONFLICT naming the field. */
  async create(input: EnterpriseInput): Promise<EnterpriseRecord> {
    try {
      const doc = await this.model.create({ ...input, liaisonInviteCode: null });
      return toRecord(doc.toObject() as EnterpriseDoc);
    } catch (err) {
      if (isDuplicateKey(err)) {
        throw new DomainError('CONFLICT', '该统一社会信用代码已登记', [
          { path: 'creditCode', message: '已存在', code: 'duplicate' },
        ]);
      }
      throw err;
    }
  }

  /** Updates registry fields of one enterprise (the credit code is its identity and never changes). */
  async update(
    id: string,
    patch: Partial<Omit<EnterpriseInput, 'creditCode'>>,
  ): Promise<EnterpriseRecord | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const doc = await this.model
      .findByIdAndUpdate(id, { $set: patch }, { returnDocument: 'after' })
      .lean<EnterpriseDoc>();
    return doc ? toRecord(doc) : null;
  }

  /**
   * Imports rows keyed on the credit code in one bulkWrite of upserts: a re-import updates the
   * existing record and never inserts a second one (the unique index settles concurrent imports).
   */
  async bulkUpsert(rows: EnterpriseInput[]): Promise<{ inserted: number; updated: number }> {
    if (rows.length === 0) return { inserted: 0, updated: 0 };
    const res = await this.model.bulkWrite(
      rows.map(({ creditCode, ...rest }) => ({
        updateOne: {
          filter: { creditCode },
          update: { $set: rest, $setOnInsert: { creditCode, liaisonInviteCode: null } },
          upsert: true,
        },
      })),
      { ordered: false },
    );
    return { inserted: res.upsertedCount, updated: res.matchedCount };
  }

  /**
   * Upserts rows keyed on the credit code and says, row by row, what happened: each row is one
   * document write (applied whole or not at all); a row the database refuses (a credit-code race
   * with another import) is reported, the others still apply.
   */
  async upsertEach(
    rows: EnterpriseInput[],
  ): Promise<({ outcome: 'created' | 'updated' } | { outcome: 'refused'; reason: string })[]> {
    if (rows.length === 0) return [];
    const ops = rows.map(({ creditCode, ...rest }) => ({
      updateOne: {
        filter: { creditCode },
        update: { $set: rest, $setOnInsert: { creditCode, liaisonInviteCode: null } },
        upsert: true,
      },
    }));
    let upserted: Record<string, unknown> = {};
    const refused = new Map<number, string>();
    try {
      upserted = (await this.model.bulkWrite(ops, { ordered: false })).upsertedIds ?? {};
    } catch (err) {
      const e = err as {
        writeErrors?: { index: number; errmsg?: string }[];
        result?: { upsertedIds?: Record<string, unknown> };
      };
      if (!e.writeErrors) throw err;
      for (const w of e.writeErrors) refused.set(w.index, '写入失败，请重新导入该行');
      upserted = e.result?.upsertedIds ?? {};
    }
    return rows.map((_, i) => {
      const reason = refused.get(i);
      if (reason) return { outcome: 'refused' as const, reason };
      return { outcome: String(i) in upserted ? ('created' as const) : ('updated' as const) };
    });
  }

  /** Sets a fresh invite code; the unique index makes a clash throw, so callers retry with another. */
  async setInviteCode(id: string, code: string): Promise<EnterpriseRecord | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const doc = await this.model
      .findByIdAndUpdate(id, { $set: { liaisonInviteCode: code } }, { returnDocument: 'after' })
      .lean<EnterpriseDoc>();
    return doc ? toRecord(doc) : null;
  }

  async list(
    filter: EnterpriseFilter,
    page: number,
    pageSize: number,
  ): Promise<{ items: EnterpriseRecord[]; total: number }> {
    const query: Record<string, unknown> = {};
    if (filter.regionCode) query.regionCode = filter.regionCode;
    if (filter.size) query.size = filter.size;
    if (filter.industry) query.industry = filter.industry;
    if (filter.ids) query._id = { $in: toIds(filter.ids) };
    if (filter.q) query.name = { $regex: escapeRegex(filter.q) };
    const [docs, total] = await Promise.all([
      this.model
        .find(query)
        .sort({ name: 1, _id: 1 })
        .skip((page - 1) * pageSize)
        .limit(pageSize)
        .lean<EnterpriseDoc[]>(),
      this.model.countDocuments(query),
    ]);
    return { items: docs.map(toRecord), total };
  }

  /**
   * Id, name and county of every firm the filter matches, by name: what a bulk assignment or a
   * coverage count works on (a city's registry, ~28,000 rows of three fields). Served by the
   * { regionCode, size, industry } index when a region is given.
   */
  async brief(
    filter: Pick<EnterpriseFilter, 'regionCode' | 'size' | 'industry'>,
  ): Promise<EnterpriseBrief[]> {
    const query: Record<string, unknown> = {};
    if (filter.regionCode) query.regionCode = filter.regionCode;
    if (filter.size) query.size = filter.size;
    if (filter.industry) query.industry = filter.industry;
    const docs = await this.model
      .find(query)
      .select({ name: 1, regionCode: 1 })
      .sort({ name: 1, _id: 1 })
      .lean<Pick<EnterpriseDoc, '_id' | 'name' | 'regionCode'>[]>();
    return docs.map((d) => ({ id: d._id.toHexString(), name: d.name, regionCode: d.regionCode }));
  }
}
