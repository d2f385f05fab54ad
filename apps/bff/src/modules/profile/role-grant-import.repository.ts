import { Types, type Connection, type Model } from 'mongoose';
import { oid } from '../../db/ids';
import { roleGrantImportModel, type RoleGrantImportDoc } from './role-grant-import.model';

export type RoleGrantImportRecord = Omit<RoleGrantImportDoc, '_id' | 'actorId'> & {
  id: string;
  actorId: string;
};

const toRecord = ({ _id, actorId, ...rest }: RoleGrantImportDoc): RoleGrantImportRecord => ({
  ...rest,
  id: _id.toHexString(),
  actorId: actorId.toHexString(),
});

/** The bulk grants' per-row results, kept for the report download. */
export class RoleGrantImportRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): RoleGrantImportRepository {
    return new RoleGrantImportRepository(roleGrantImportModel(conn));
  }

  constructor(private readonly model: Model<RoleGrantImportDoc>) {}

  async record(r: Omit<RoleGrantImportRecord, 'id'>): Promise<RoleGrantImportRecord> {
    const doc = await this.model.create({ ...r, actorId: oid(r.actorId) });
    return toRecord(doc.toObject());
  }

  async findById(id: string): Promise<RoleGrantImportRecord | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const doc = await this.model.findById(id).lean<RoleGrantImportDoc>();
    return doc ? toRecord(doc) : null;
  }
}
