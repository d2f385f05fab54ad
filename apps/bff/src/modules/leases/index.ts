export { LeaseRepository, type LeaseRecord } from './lease.repository';
export type { JobLeases } from './job-leases';
