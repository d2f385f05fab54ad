export * from './plate';
export * from './freight';
export * from './routes';
