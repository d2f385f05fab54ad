export * from './supply';
export * from './routes';
export * from './browse';
