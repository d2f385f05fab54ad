import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The BFF's Prometheus metrics, one registry per app (not prom-client's global one), so two app
 * instances in one process — the tests' "second instance" — each report their own figures.
 * Every label is bounded: routes are matched patterns, jobs and outcomes are fixed names.
 */
export function createMetrics() {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: 'fugong_http_requests_total',
      help: 'HTTP requests answered, by method, matched route pattern and status',
      labelNames: ['method', 'route', 'status'] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: 'fugong_http_request_duration_seconds',
      help: 'Time from receiving a request to its answer, by method, matched route pattern and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    jobRuns: new Counter({
      name: 'fugong_job_runs_total',
      help: 'Background job ticks by outcome: ok, failed, or not_holder (another instance holds the lease or ran this period)',
      labelNames: ['job', 'outcome'] as const,
      registers,
    }),
    jobDuration: new Histogram({
      name: 'fugong_job_duration_seconds',
      help: 'Duration of background job runs on this instance',
      labelNames: ['job'] as const,
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300],
      registers,
    }),
    leaseHeld: new Gauge({
      name: 'fugong_job_lease_held',
      help: '1 while this instance holds the job lease, else 0 (labelled with this instance’s holder id)',
      labelNames: ['job', 'holder'] as const,
      registers,
    }),
    sweepRecords: new Counter({
      name: 'fugong_sweep_records_total',
      help: 'Records a sweep could not process: failed (error, will retry), quarantined (gave up after repeated failures), skipped (already quarantined)',
      labelNames: ['job', 'outcome'] as const,
      registers,
    }),
    rateLimitChecks: new Counter({
      name: 'fugong_rate_limit_checks_total',
      help: 'Rate-limit rule checks by stage: local (answered in memory), shared (counted in the database), refused_local, refused_shared',
      labelNames: ['bucket', 'stage'] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
