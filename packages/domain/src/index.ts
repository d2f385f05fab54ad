/** @fugong/domain — pure return-to-work rules (no I/O): pass status, seat capacity, trip cut-offs, China-time days. */
export * from './time/china-day';
export * from './pass/pass-status';
export * from './seats/capacity';
export * from './trips/cutoffs';
export * from './calendar/working-days';
export * from './issues/state-machine';
export * from './issues/sla';
export * from './issues/common-problems';
export * from './visits/visit-time';
export * from './stewards/need';
export * from './stewards/attention';
export * from './charters/grouping';
export * from './rollups';
export * from './subsidies';
export * from './calendar/compose';
export * from './freight';
export * from './projects';
