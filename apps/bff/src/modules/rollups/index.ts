/**
 * The dashboard's rollups: per region/industry/size/day counters kept in step with writes by
 * listening to record events, and a rebuild that recounts them from raw data and reports drift.
 * What other modules may use — the builder, the listener wiring, and the rollup view types the
 * dashboard reads. Publishes no events; listens to all of them (`rollup-listeners.ts`).
 */
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { Clock } from '../../clock';
import { RollupRepository } from './rollup.repository';
import { RollupSources, type RollupReaders } from './rollup-sources';
import { RollupService } from './rollup.service';
import { rebuildRollups, type RebuildProgress } from './rollup-rebuild';

export { listenForRollups } from './rollup-listeners';
export type { RollupRepository } from './rollup.repository';
export type { RollupReaders, RollupSources } from './rollup-sources';
export type { RollupService } from './rollup.service';
export type { Metrics, RollupView } from './rollup-view';
export type { RebuildProgress };

/** Builds the module once, before every writing module (the container calls this). */
export function buildRollups(d: {
  conn: Connection;
  clock: Clock;
  logger: Logger | null;
  /** The owning modules' repositories, which the rollups read (never write). */
  readers: RollupReaders;
}) {
  const repo = RollupRepository.on(d.conn);
  const sources = new RollupSources(d.readers);
  const service = new RollupService(repo, sources, d.clock, d.logger);
  return {
    repo,
    sources,
    service,
    /** Recounts every rollup from raw data and reports drift (the CLI and tests call this). */
    rebuild: (progress?: RebuildProgress) => rebuildRollups(repo, d.readers, d.clock, progress),
  };
}

export type Rollups = ReturnType<typeof buildRollups>;
