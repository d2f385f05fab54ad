import type { ClientSession, Connection, Model } from 'mongoose';
import type {
  ApprovalPath,
  CargoCategory,
  CheckResult,
  FreightFigures,
  FreightStatus,
} from '@fugong/contracts';
import { freightCheckModel, type FreightCheckDoc } from './freight-check.model';
import { freightFigureModel, type FreightFigureDoc } from './freight-figures.model';
import { freightPassModel, type FreightPassDoc } from './freight-pass.model';

/** One change to one figure cell, made in the same transaction as the pass or check it counts. */
export type FigureBump =
  | { kind: 'issued'; cargo: CargoCategory; approvalPath: ApprovalPath }
  | { kind: 'status'; status: FreightStatus; by: 1 | -1 }
  | {
      kind: 'check';
      checkpointCode: string;
      checkpointName: string;
      cargo: CargoCategory | null;
      result: CheckResult;
    };

const MARKER = 'built';

/** The cell a bump changes: a JSON array, so no code or name can make two cells collide. */
function keyOf(b: FigureBump): string {
  if (b.kind === 'issued') return JSON.stringify(['issued', b.cargo, b.approvalPath]);
  if (b.kind === 'status') return JSON.stringify(['status', b.status]);
  return JSON.stringify(['check', b.checkpointCode, b.cargo, b.result]);
}

/** The cell's own fields, written when the cell is first made. */
function fieldsOf(b: FigureBump): Omit<FreightFigureDoc, '_id' | 'count' | 'checkpointName'> {
  if (b.kind === 'issued') return { kind: 'issued', cargo: b.cargo, approvalPath: b.approvalPath };
  if (b.kind === 'status') return { kind: 'status', status: b.status };
  return { kind: 'check', checkpointCode: b.checkpointCode, cargo: b.cargo, result: b.result };
}

/** The figures from their cells (stored, or counted just now): empty cells left out. */
function figuresOf(cells: FreightFigureDoc[]): FreightFigures {
  const of = (kind: FreightFigureDoc['kind']) => cells.filter((c) => c.kind === kind && c.count > 0);
  return {
    issued: of('issued')
      .map((c) => ({
        cargo: c.cargo as CargoCategory,
        approvalPath: c.approvalPath as ApprovalPath,
        count: c.count,
      }))
      .sort((a, b) => b.count - a.count || a.cargo.localeCompare(b.cargo)),
    byStatus: of('status')
      .map((c) => ({ status: c.status as FreightStatus, count: c.count }))
      .sort((a, b) => a.status.localeCompare(b.status)),
    checks: of('check')
      .map((c) => ({
        checkpointCode: c.checkpointCode as string,
        checkpointName: c.checkpointName as string,
        cargo: (c.cargo ?? null) as CargoCategory | null,
        result: c.result as CheckResult,
        count: c.count,
      }))
      .sort((a, b) => a.checkpointCode.localeCompare(b.checkpointCode) || b.count - a.count),
  };
}

/**
 * The freight figures' counters. `withCounts` runs a pass or check write and the bumps it
 * reports in one transaction: the figures move exactly when the write applied, and a guarded
 * write that matched nothing bumps nothing. Until the counters exist (a store from before them,
 * or one the city generator bulk-loaded) a read counts the passes and checks themselves, writing
 * nothing, and the first write counts them into cells in its own transaction.
 */
export class FreightFiguresRepository {
  static on(conn: Connection): FreightFiguresRepository {
    return new FreightFiguresRepository(
      conn,
      freightFigureModel(conn),
      freightPassModel(conn),
      freightCheckModel(conn),
    );
  }

  /** Set once this process has seen the marker committed: later calls skip the lookup. */
  private built = false;

  constructor(
    private readonly conn: Connection,
    private readonly model: Model<FreightFigureDoc>,
    private readonly passes: Model<FreightPassDoc>,
    private readonly checks: Model<FreightCheckDoc>,
  ) {}

  /** Runs `work` and its bumps in one transaction; `work` answers null when its guard matched nothing. */
  async withCounts<T>(work: (s: ClientSession) => Promise<{ value: T; bumps: FigureBump[] } | null>) {
    const session = await this.conn.startSession();
    try {
      let out: T | null = null;
      await session.withTransaction(async () => {
        out = null;
        const done = await work(session);
        if (!done) return;
        // Without cells yet, counting what is stored (this write included) makes them.
        if (await this.isBuilt(session)) for (const b of done.bumps) await this.bump(b, session);
        else await this.recountIn(session);
        out = done.value;
      });
      if (out !== null) this.built = true;
      return out as T | null;
    } finally {
      await session.endSession();
    }
  }

  private async isBuilt(session?: ClientSession): Promise<boolean> {
    if (this.built) return true;
    const marker = await this.model.exists({ _id: MARKER }).session(session ?? null);
    return marker !== null;
  }

  private async bump(b: FigureBump, session: ClientSession) {
    const by = b.kind === 'status' ? b.by : 1;
    await this.model.updateOne(
      { _id: keyOf(b) },
      {
        $inc: { count: by },
        $setOnInsert: fieldsOf(b),
        // A checkpoint code has one name; the greatest one seen wins, as a regroup would pick.
        ...(b.kind === 'check' ? { $max: { checkpointName: b.checkpointName } } : {}),
      },
      { upsert: true, session },
    );
  }

  /** The figures as the command reads them: empty cells left out, checks by checkpoint then count. */
  async read(): Promise<FreightFigures> {
    if (await this.isBuilt()) {
      this.built = true;
      return figuresOf(await this.model.find({ kind: { $ne: 'marker' } }).lean<FreightFigureDoc[]>());
    }
    return figuresOf([...(await this.countPasses(null)), ...(await this.countChecks(null))]);
  }

  /** Throws the counters away and counts the passes and checks again (after a bulk load). */
  async rebuild(): Promise<void> {
    const session = await this.conn.startSession();
    try {
      await session.withTransaction(() => this.recountIn(session));
      this.built = true;
    } finally {
      await session.endSession();
    }
  }

  /**
   * Inside the caller's transaction: the cells replaced by a count of what is stored, and the
   * marker. A pass written meanwhile by another transaction touches a cell this one rewrites, so
   * one of the two conflicts and retries on top of the other: nothing is counted twice or missed.
   */
  private async recountIn(session: ClientSession): Promise<void> {
    await this.model.deleteMany({}, { session });
    const cells = [...(await this.countPasses(session)), ...(await this.countChecks(session))];
    await this.model.insertMany([...cells, { _id: MARKER, kind: 'marker', count: 0 }], { session });
  }

  private async countPasses(session: ClientSession | null): Promise<FreightFigureDoc[]> {
    const issued = await this.passes
      .aggregate<{ _id: { cargo: CargoCategory; approvalPath: ApprovalPath }; count: number }>([
        { $match: { status: { $in: ['approved', 'revoked'] } } },
        { $group: { _id: { cargo: '$cargo', approvalPath: '$approvalPath' }, count: { $sum: 1 } } },
      ])
      .session(session);
    const byStatus = await this.passes
      .aggregate<{ _id: FreightStatus; count: number }>([{ $group: { _id: '$status', count: { $sum: 1 } } }])
      .session(session);
    return [
      ...issued.map((r) => ({
        _id: keyOf({ kind: 'issued', ...r._id }),
        ...fieldsOf({ kind: 'issued', ...r._id }),
        count: r.count,
      })),
      ...byStatus.map((r) => {
        const b = { kind: 'status', status: r._id, by: 1 } as const;
        return { _id: keyOf(b), ...fieldsOf(b), count: r.count };
      }),
    ];
  }

  private async countChecks(session: ClientSession | null): Promise<FreightFigureDoc[]> {
    const rows = await this.checks
      .aggregate<{
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
      ])
      .session(session);
    return rows.map((r) => {
      const b = {
        kind: 'check',
        ...r._id,
        cargo: r._id.cargo ?? null,
        checkpointName: r.checkpointName,
      } as const;
      return { _id: keyOf(b), ...fieldsOf(b), checkpointName: r.checkpointName, count: r.count };
    });
  }
}
