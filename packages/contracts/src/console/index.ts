export * from './department-heads';
export * from './registry-import';
