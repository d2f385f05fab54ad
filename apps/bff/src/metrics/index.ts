export { createMetrics, type Metrics } from './metrics';
export { httpMetrics, metricsEndpoint, METRICS_PATH } from './http-metrics';
export { watchDbPool } from './db-pool-metrics';
export { watchOutbox, type OutboxBacklogSource } from './outbox-metrics';
