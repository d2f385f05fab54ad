export * from './department-heads';
