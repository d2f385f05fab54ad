export * from './approval';
export * from './validity';
