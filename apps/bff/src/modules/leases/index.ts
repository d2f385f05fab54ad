export { LeaseRepository, type LeaseRecord } from './lease.repository';
