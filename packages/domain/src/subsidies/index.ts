/** 免申即享: subsidy rules computed from data already held, each pure, versioned and parameterised. */
export * from './money';
export * from './calendar-math';
export * from './types';
export * from './hiring';
export * from './referral';
export * from './training';
export * from './unemployment-refund';
export * from './charter';
export * from './deferral';
