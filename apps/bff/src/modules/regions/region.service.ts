import type { Region, RiskLevel } from '@fugong/contracts';
import { chinaDay, reopeningStrategyFor, riskFromTable, type RiskLookup } from '@fugong/domain';
import type { Actor } from '../../auth/actor';
import type { Clock } from '../../clock';
import type { AuditRepository } from '../../audit/audit.repository';
import { DomainError } from '../../errors';
import type { RegionRecord, RegionRepository } from './region.repository';

/** A division as the GB/T 2260 data names it (the divisions module's, passed in by the container). */
export type DivisionLookup = (code: string) => { name: string; parentCode: string | null } | null;

/** How long another BFF instance may keep serving an old risk table after an admin change. */
const CACHE_MS = 10_000;

/**
 * Region risk levels, cached: every pass computation (each booking, each boarding) needs the
 * table, and it changes a few times a day. This instance drops its cache on a change at once;
 * other instances pick it up within CACHE_MS.
 */
export class RegionService {
  private cache: { at: number; lookup: RiskLookup } | null = null;

  constructor(
    private readonly repo: RegionRepository,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
    private readonly divisionOf: DivisionLookup,
  ) {}

  async list(): Promise<{ items: Region[] }> {
    return { items: (await this.repo.list()).map(toView) };
  }

  async set(
    actor: Actor,
    code: string,
    name: string,
    riskLevel: RiskLevel,
    requestId: string,
    effectiveFrom?: string,
  ): Promise<Region> {
    const now = this.clock.now();
    const today = chinaDay(now);
    const day = effectiveFrom ?? today;
    if (day > today) {
      // The pass rules apply a level at once: a level "from next Monday" would already be in force.
      throw new DomainError('VALIDATION_ERROR', '生效日期不能晚于今天', [
        { path: 'effectiveFrom', message: '生效日期不能晚于今天', code: 'future_day' },
      ]);
    }
    const place = this.placeOf(code, name);
    const rec = await this.repo.upsert(code, place.name, place.countyCode, riskLevel, day, now, actor.id);
    this.cache = null;
    // Risk levels decide who may travel: who changed which level is worth keeping.
    await this.audit.append({
      at: now,
      actorId: actor.id,
      action: 'region.risk.set',
      subjectType: 'region',
      subjectId: code,
      fields: [riskLevel, `effectiveFrom=${day}`],
      requestId,
    });
    return toView(rec);
  }

  /**
   * A town must be one of the data's, under a county the data has; its name is the data's, so
   * the tree never shows a typed variant. A county keeps the name the command gives it.
   */
  private placeOf(code: string, name: string): { name: string; countyCode: string | null } {
    if (code.length === 6) return { name, countyCode: null };
    const town = this.divisionOf(code);
    const countyCode = code.slice(0, 6);
    if (!town || town.parentCode !== countyCode || !this.divisionOf(countyCode)) {
      const message = '行政区划中没有该乡镇（街道），请从所属县（市、区）下选择';
      throw new DomainError('VALIDATION_ERROR', message, [{ path: 'code', message, code: 'unknown_town' }]);
    }
    return { name: town.name, countyCode };
  }

  /** The lookup the pass rules use. Uses wall time for the cache, not the business clock. */
  async riskLookup(): Promise<RiskLookup> {
    const t = Date.now();
    if (this.cache && t - this.cache.at < CACHE_MS) return this.cache.lookup;
    const table = new Map((await this.repo.list()).map((r) => [r.code, r.riskLevel] as const));
    const lookup = riskFromTable(table);
    this.cache = { at: t, lookup };
    return lookup;
  }
}

function toView(r: RegionRecord): Region {
  return {
    code: r.code,
    name: r.name,
    countyCode: r.countyCode,
    riskLevel: r.riskLevel,
    effectiveFrom: r.effectiveFrom,
    reopeningStrategy: reopeningStrategyFor(r.riskLevel),
    updatedAt: r.updatedAt.toISOString(),
  };
}
