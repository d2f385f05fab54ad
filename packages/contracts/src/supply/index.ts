export * from './supply';
export * from './routes';
