export * from './pages';
export * from './inbox';
