/** Enterprises, stewards and issues: schemas, labels and route contracts. */
export * from './credit-code';
export * from './department';
export * from './enterprise';
export * from './reopening';
export * from './charter';
export * from './issue';
export * from './steward';
export * from './routes-enterprise';
export * from './routes-issue';
export * from './routes-steward';
export * from './routes-visit';
export * from './routes-callback';
export * from './routes-department';
export * from './callback-console';
