export * from './hotline';
export * from './routes';
