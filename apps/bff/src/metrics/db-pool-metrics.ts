import type { Connection } from 'mongoose';
import { Counter, Gauge } from 'prom-client';
import type { Metrics } from './metrics';

interface PoolStats {
  open: number;
  checkedOut: number;
  checkoutFailures: number;
  cleared: number;
}

// One set of driver listeners per client however many apps share it (the tests build several
// apps on one connection): each registry reads these shared counts when scraped.
const statsByClient = new WeakMap<object, PoolStats>();

function poolStats(conn: Connection): PoolStats {
  const client = conn.getClient();
  const known = statsByClient.get(client);
  if (known) return known;
  const s: PoolStats = { open: 0, checkedOut: 0, checkoutFailures: 0, cleared: 0 };
  // The driver's connection-pool (CMAP) events; connections opened before these listeners
  // were attached are not counted, hence the clamps at zero below.
  client.on('connectionCreated', () => (s.open += 1));
  client.on('connectionClosed', () => (s.open = Math.max(0, s.open - 1)));
  client.on('connectionCheckedOut', () => (s.checkedOut += 1));
  client.on('connectionCheckedIn', () => (s.checkedOut = Math.max(0, s.checkedOut - 1)));
  client.on('connectionCheckOutFailed', () => (s.checkoutFailures += 1));
  client.on('connectionPoolCleared', () => (s.cleared += 1));
  statsByClient.set(client, s);
  return s;
}

/** Database connection pool gauges, read from the driver's pool events. */
export function watchDbPool(metrics: Metrics, conn: Connection): void {
  const stats = poolStats(conn);
  const registers = [metrics.registry];
  const maxPoolSize = Number((conn.getClient().options as { maxPoolSize?: number }).maxPoolSize ?? 0);
  new Gauge({
    name: 'fugong_db_pool_connections',
    help: 'Open connections in the MongoDB driver pool',
    registers,
    collect() {
      this.set(stats.open);
    },
  });
  new Gauge({
    name: 'fugong_db_pool_checked_out',
    help: 'Pool connections currently lent to an operation (at maxPoolSize, operations queue)',
    registers,
    collect() {
      this.set(stats.checkedOut);
    },
  });
  new Gauge({
    name: 'fugong_db_pool_max_size',
    help: 'The pool’s maxPoolSize',
    registers,
    collect() {
      this.set(maxPoolSize);
    },
  });
  new Counter({
    name: 'fugong_db_pool_checkout_failures_total',
    help: 'Operations that could not get a pool connection (timeout, pool cleared, database away)',
    registers,
    collect() {
      this.reset();
      this.inc(stats.checkoutFailures);
    },
  });
  new Counter({
    name: 'fugong_db_pool_cleared_total',
    help: 'Times the driver cleared the pool (the server stopped answering)',
    registers,
    collect() {
      this.reset();
      this.inc(stats.cleared);
    },
  });
}
