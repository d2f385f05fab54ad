/** Pure rollup rules: cell keys, what each record contributes, and deltas between contributions. */
export * from './cells';
export * from './contributions';
export * from './delta';
export * from './metrics';
export * from './slices';
