/** Contracts of the worker journey (issue 4). */
export * from './health';
export * from './profile';
export * from './trip';
export * from './booking';
export * from './routes';
