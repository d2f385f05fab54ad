import { Types, type Model } from 'mongoose';
import type { CargoCategory, CheckResult } from '@fugong/contracts';
import type { FreightCheckDoc } from './freight-check.model';
import type { Connection } from 'mongoose';
import { freightCheckModel } from './freight-check.model';
import type { FreightFiguresRepository } from './freight-figures.repository';

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

/** Checks are only ever appended: the record of who passed where is evidence. */
export class FreightCheckRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection, figures: FreightFiguresRepository): FreightCheckRepository {
    return new FreightCheckRepository(freightCheckModel(conn), figures);
  }

  constructor(
    private readonly model: Model<FreightCheckDoc>,
    /** Each check is counted in the command's figures in the same transaction. */
    private readonly figures: FreightFiguresRepository,
  ) {}

  async append(c: NewFreightCheck): Promise<string> {
    const id = await this.figures.withCounts(async (session) => {
      const [doc] = await this.model.create(
        [
          {
            ...c,
            passId: c.passId ? new Types.ObjectId(c.passId) : null,
            checkerId: new Types.ObjectId(c.checkerId),
          },
        ],
        { session },
      );
      const { checkpointCode, checkpointName, cargo, result } = c;
      return {
        value: doc._id.toHexString(),
        bumps: [{ kind: 'check' as const, checkpointCode, checkpointName, cargo, result }],
      };
    });
    return id as string;
  }

  async countForPass(passId: string): Promise<number> {
    return this.model.countDocuments({ passId: new Types.ObjectId(passId) });
  }
}
