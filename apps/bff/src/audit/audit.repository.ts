import type { Connection, Model, QueryFilter } from 'mongoose';
import type { AuditDoc, AuditEntry } from './audit.model';
import { auditModel } from './audit.model';

export type { AuditEntry };

/** What the console's log page asks for: a time span, optionally some actions and one actor. */
export interface AuditQuery {
  since: Date;
  before: Date;
  /** Only these actions (a kind); `notActions` leaves these out (the entries of no kind). */
  actions?: readonly string[];
  notActions?: readonly string[];
  actorId?: string;
}

/** Entries one at a time, for a streamed export. */
export interface AuditCursor {
  next(): Promise<AuditEntry | null>;
  close(): Promise<void>;
}

const strip = ({ _id, ...rest }: AuditDoc): AuditEntry => rest;

function toFilter(q: AuditQuery): QueryFilter<AuditDoc> {
  const filter: QueryFilter<AuditDoc> = { at: { $gte: q.since, $lt: q.before } };
  if (q.actions) filter.action = { $in: [...q.actions] };
  else if (q.notActions) filter.action = { $nin: [...q.notActions] };
  if (q.actorId) filter.actorId = q.actorId;
  return filter;
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
    return docs.map(strip);
  }

  /** One page of matching entries, newest first, and how many match in all. */
  async search(
    q: AuditQuery,
    page: number,
    pageSize: number,
  ): Promise<{ items: AuditEntry[]; total: number }> {
    const filter = toFilter(q);
    const [docs, total] = await Promise.all([
      this.model
        .find(filter)
        .sort({ at: -1, _id: -1 })
        .skip((page - 1) * pageSize)
        .limit(pageSize)
        .lean<AuditDoc[]>(),
      this.model.countDocuments(filter),
    ]);
    return { items: docs.map(strip), total };
  }

  /** Every matching entry, newest first, read in batches as the download is pulled. */
  cursor(q: AuditQuery): AuditCursor {
    const c = this.model
      .find(toFilter(q))
      .sort({ at: -1, _id: -1 })
      .lean<AuditDoc>()
      .cursor({ batchSize: 500 });
    return {
      next: async () => {
        const doc = (await c.next()) as AuditDoc | null;
        return doc ? strip(doc) : null;
      },
      close: () => c.close(),
    };
  }
}
