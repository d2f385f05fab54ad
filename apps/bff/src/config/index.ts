export { loadConfig, ConfigError } from './load';
export { configSchema, createsIndexesAtBoot, trustedProxyHops, type Config } from './schema';
