/** Contracts of the worker journey. */
export * from './health';
export * from './profile';
export * from './trip';
export * from './booking';
export * from './routes';
