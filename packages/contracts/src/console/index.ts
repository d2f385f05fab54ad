export * from './department-heads';
export * from './registry-import';
export * from './steward-assignments';
export * from './audit-log';
export * from './role-grant-import';
