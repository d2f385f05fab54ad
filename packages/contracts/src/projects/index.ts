export * from './projects';
export * from './routes';
