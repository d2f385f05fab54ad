/** The command dashboard (issue 6): filters, the summary shape, labels and route contracts. */
export * from './dashboard';
export * from './labels';
export * from './routes-dashboard';
