export { loadConfig, ConfigError } from './load';
export { configSchema, type Config } from './schema';
