export { leaseModel } from './lease.model';
export { LeaseRepository, type LeaseRecord } from './lease.repository';
