import type { Model } from 'mongoose';
import type { AuditDoc } from './audit.model';
import type { Connection } from 'mongoose';
import { auditModel } from './audit.model';

export interface AuditEntry {
  at: Date;
  actorId: string;
  action: string;
  subjectType: string;
  subjectId: string;
  fields: string[];
  requestId: string | null;
  /** Why the data was read in full, when the reader had to say (e.g. 流调溯源). */
  reason?: string | null;
}

/**
 * Append-only: this repository has no update or delete, and no route reaches the collection
 * any other way. That is what makes the log worth something to an auditor.
 */
export class AuditRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): AuditRepository {
    return new AuditRepository(auditModel(conn));
  }

  constructor(private readonly model: Model<AuditDoc>) {}

  async append(entry: AuditEntry): Promise<void> {
    await this.model.create(entry);
  }

  async listForSubject(subjectType: string, subjectId: string, limit = 50): Promise<AuditEntry[]> {
    const docs = await this.model
      .find({ subjectType, subjectId })
      .sort({ at: -1 })
      .limit(limit)
      .lean<AuditDoc[]>();
    return docs.map(({ _id, ...rest }) => rest);
  }
}
