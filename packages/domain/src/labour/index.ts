export * from './application-flow';
export * from './vacancy-rules';
export * from './keywords';
export * from './matching';
export * from './sharing-rules';
