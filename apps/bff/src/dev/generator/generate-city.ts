import { chinaDay } from '@fugong/domain';
import type { Connection } from 'mongoose';
import type { Container } from '../../container';
import { storedModels } from './stored-models';
import type { Clock } from '../../clock';
import type { Progress } from './bulk';
import { planFor, type ScaleName } from './city-plan';
import { generateFirms } from './generate-firms';
import { generateFreight } from './generate-freight';
import { generateProjects } from './generate-projects';
import { generateSupply } from './generate-supply';
import { generateWorkers } from './generate-workers';
import { Rng } from './random';

/** What a generator run produced. */
export interface GeneratedCity {
  enterprises: number;
  workers: number;
  rollupDocuments: number;
  driftBeforeRebuild: number;
  keyProjects: number;
  supplyPosts: number;
  supplyMatches: number;
  freightPasses: number;
  freightChecks: number;
}

/**
 * Builds a city at one of the scales (yuyao = the seeds' numbers), deterministic from `seed`,
 * ending today: 14 days of reports, visits, issues, check-ins, trips and bookings, with the key
 * projects, 供需 posts and matches, and freight passes and their checks. Raw data is
 * bulk-inserted in stored shape, then the rollups are built by the rebuild (the same code that
 * repairs drift), so the dashboard reads exactly what a recount would give.
 */
export async function generateCity(
  c: Container,
  conn: Connection,
  clock: Clock,
  opts: { scale: ScaleName; seed: number; progress: Progress },
): Promise<GeneratedCity> {
  const plan = planFor(opts.scale);
  const r = new Rng(opts.seed);
  const endDay = chinaDay(clock.now());
  const models = storedModels(conn);
  const firms = await generateFirms(models, plan, r, opts.seed, endDay, opts.progress);
  await generateWorkers(models, plan, r, opts.seed, firms, endDay, opts.progress);
  const stage = { c, conn, models, plan, r, seed: opts.seed, firms, endDay, progress: opts.progress };
  const keyProjects = await generateProjects(stage);
  const supply = await generateSupply(stage);
  const freight = await generateFreight(stage);
  // Bulk-inserted passes and checks bypass the counters: count them once.
  await c.freight.repos.figures.rebuild();
  const report = await c.rollups.rebuild((stage, n) => opts.progress(`汇总重建：${stage}`, n, n));
  return {
    enterprises: firms.length,
    workers: plan.workers,
    rollupDocuments: report.documents,
    driftBeforeRebuild: report.driftCount,
    keyProjects,
    supplyPosts: supply.posts,
    supplyMatches: supply.matches,
    freightPasses: freight.passes,
    freightChecks: freight.checks,
  };
}
