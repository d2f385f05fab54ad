import { Types, type Model } from 'mongoose';
import { isDuplicateKey } from '../../db/errors';
import type { NoticeDoc } from './notice.model';

export const noticeKey = (policy: string, enterpriseId: string, period: string) =>
  `${policy}:${enterpriseId}:${period}`;

/** The 政策直通 ledger: who was told of which policy period. */
export class NoticeRepository {
  constructor(private readonly model: Model<NoticeDoc>) {}

  /**
   * Claims the announcement of one policy period to one firm. True only for the call that
   * inserted the key: that caller, and no other, queues the messages.
   */
  async claim(n: {
    policy: string;
    period: string;
    enterpriseId: string;
    listId: string;
    amountFen: number;
    recipients: number;
    at: Date;
  }): Promise<boolean> {
    try {
      await this.model.create({
        _id: noticeKey(n.policy, n.enterpriseId, n.period),
        listId: new Types.ObjectId(n.listId),
        enterpriseId: new Types.ObjectId(n.enterpriseId),
        amountFen: n.amountFen,
        recipients: n.recipients,
        at: n.at,
      });
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }
}
