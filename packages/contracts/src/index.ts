/** @fugong/contracts — the one entry point. Schemas, types and route contracts for both apps. */
import './locale';
export * from './errors';
export * from './common';
export * from './id-number';
export * from './masking';
export * from './roles';
export * from './auth';
export * from './health';
export * from './route';
export * from './routes';
export * from './worker';
export * from './enterprise';
export * from './dashboard';
export * from './wechat';
export * from './wechat-delivery';
export * from './subsidies';
export * from './calendar';
export * from './freight';
