import type { Model } from 'mongoose';
import { oid } from '../../db/ids';
import type { AgencyDoc } from './agency.model';
import type { Connection } from 'mongoose';
import { agencyModel } from './agency.model';

export class AgencyRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): AgencyRepository {
    return new AgencyRepository(agencyModel(conn));
  }

  constructor(private readonly model: Model<AgencyDoc>) {}

  /**
   * Sets the firms an agency acts for (the list replaces the last one, so a firm can be taken
   * off). The unique userId index keeps one record per agency: of two first grants racing, the
   * loser's upsert fails with a duplicate key, which the service answers as a conflict.
   */
  async grant(userId: string, name: string, enterpriseIds: string[], by: string, now: Date) {
    const d = await this.model
      .findOneAndUpdate(
        { userId: oid(userId) },
        {
          $set: { name, enterpriseIds: enterpriseIds.map(oid), grantedBy: oid(by), grantedAt: now },
          $setOnInsert: { userId: oid(userId) },
        },
        { upsert: true, returnDocument: 'after' },
      )
      .lean<AgencyDoc>();
    return { userId, name: d!.name, enterpriseIds: d!.enterpriseIds.map((e) => e.toHexString()) };
  }

  /** The agency's current grant, or null when 人社局 has named no firms for it yet. */
  async grantOf(userId: string): Promise<{ name: string; enterpriseIds: string[] } | null> {
    const d = await this.model.findOne({ userId: oid(userId) }).lean<AgencyDoc>();
    return d ? { name: d.name, enterpriseIds: d.enterpriseIds.map((e) => e.toHexString()) } : null;
  }

  async firmsOf(userId: string): Promise<string[]> {
    return (await this.grantOf(userId))?.enterpriseIds ?? [];
  }
}
