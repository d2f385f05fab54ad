import { Types, type Model } from 'mongoose';
import type { NoticeDoc } from './notice.model';
import type { Connection } from 'mongoose';
import { noticeModel } from './notice.model';
import { insertUnlessDuplicate } from '../../db/insert-unless-duplicate';

export const noticeKey = (policy: string, enterpriseId: string, period: string) =>
  `${policy}:${enterpriseId}:${period}`;

/** The 政策直通 ledger: who was told of which policy period. */
export class NoticeRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): NoticeRepository {
    return new NoticeRepository(noticeModel(conn));
  }

  constructor(private readonly model: Model<NoticeDoc>) {}

  /**
   * Claims the announcement of one policy period to each of these firms, in one unordered
   * insert. Returns the firms whose key this call inserted: those, and no others, are told by
   * this caller; a key already present (told before, or by a racing call) is left out.
   */
  async claim(
    claims: {
      policy: string;
      period: string;
      enterpriseId: string;
      listId: string;
      amountFen: number;
      recipients: number;
      at: Date;
    }[],
  ): Promise<Set<string>> {
    if (claims.length === 0) return new Set();
    const docs = claims.map((n) => ({
      _id: noticeKey(n.policy, n.enterpriseId, n.period),
      listId: new Types.ObjectId(n.listId),
      enterpriseId: new Types.ObjectId(n.enterpriseId),
      amountFen: n.amountFen,
      recipients: n.recipients,
      at: n.at,
    }));
    const refused = await insertUnlessDuplicate(this.model, docs);
    return new Set(claims.filter((_, i) => !refused.has(i)).map((c) => c.enterpriseId));
  }
}
