/** The command dashboard: filters, the summary shape, labels and route contracts. */
export * from './dashboard';
export * from './labels';
export * from './routes-dashboard';
