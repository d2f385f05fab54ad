import { Types, type Model } from 'mongoose';
import type { CargoCategory, CheckResult } from '@fugong/contracts';
import type { FreightCheckDoc } from './freight-check.model';
import type { Connection } from 'mongoose';
import { freightCheckModel } from './freight-check.model';

export interface NewFreightCheck {
  passId: string | null;
  plate: string | null;
  cargo: CargoCategory | null;
  checkpointCode: string;
  checkpointName: string;
  checkerId: string;
  at: Date;
  result: CheckResult;
}

export interface CheckCountRow {
  checkpointCode: string;
  checkpointName: string;
  cargo: CargoCategory | null;
  result: CheckResult;
  count: number;
}

/** Checks are only ever appended: the record of who passed where is evidence. */
export class FreightCheckRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): FreightCheckRepository {
    return new FreightCheckRepository(freightCheckModel(conn));
  }

  constructor(private readonly model: Model<FreightCheckDoc>) {}

  async append(c: NewFreightCheck): Promise<string> {
    const doc = await this.model.create({
      ...c,
      passId: c.passId ? new Types.ObjectId(c.passId) : null,
      checkerId: new Types.ObjectId(c.checkerId),
    });
    return doc._id.toHexString();
  }

  async countForPass(passId: string): Promise<number> {
    return this.model.countDocuments({ passId: new Types.ObjectId(passId) });
  }

  /** Checks grouped by checkpoint, category and result (a code has one name; `$max` picks it deterministically). */
  async counts(): Promise<CheckCountRow[]> {
    const rows = await this.model.aggregate<{
      _id: { checkpointCode: string; cargo: CargoCategory | null; result: CheckResult };
      checkpointName: string;
      count: number;
    }>([
      {
        $group: {
          _id: { checkpointCode: '$checkpointCode', cargo: '$cargo', result: '$result' },
          checkpointName: { $max: '$checkpointName' },
          count: { $sum: 1 },
        },
      },
    ]);
    return rows
      .map((r) => ({
        ...r._id,
        cargo: r._id.cargo ?? null,
        checkpointName: r.checkpointName,
        count: r.count,
      }))
      .sort((a, b) => a.checkpointCode.localeCompare(b.checkpointCode) || b.count - a.count);
  }
}
