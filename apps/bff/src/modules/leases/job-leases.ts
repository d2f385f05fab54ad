import type { LeaseRepository } from './lease.repository';

/**
 * Where the runner finds the shared job leases: with them, exactly one instance on the database
 * runs each job per period; without (one instance, unit tests), every tick runs here.
 */
export interface JobLeases {
  repo: LeaseRepository;
  /** This instance's id in the lease documents (host:pid:random, one per container). */
  holder: string;
}
