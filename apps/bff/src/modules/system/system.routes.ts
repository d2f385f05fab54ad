import { foundationRoutes as r } from '@fugong/contracts';
import type { Connection } from 'mongoose';
import { DomainError } from '../../errors';
import { route, type RouteDef } from '../../http/route';

const startedAt = Date.now();

/** Liveness (the process answers) and readiness (the database answers within a second). */
export function systemRoutes(conn: Connection): RouteDef[] {
  return [
    route(r.health, async () => ({
      status: 'ok' as const,
      uptimeSec: Math.round((Date.now() - startedAt) / 1000),
    })),
    route(r.ready, async () => {
      const up = await pingDatabase(conn);
      if (!up) {
        throw new DomainError(
          'SERVICE_UNAVAILABLE',
          '数据库暂不可用',
          { status: 'unready', database: 'down' },
          5,
        );
      }
      return { status: 'ready' as const, database: 'up' as const };
    }),
  ];
}

async function pingDatabase(conn: Connection): Promise<boolean> {
  if (conn.readyState !== 1 || !conn.db) return false;
  try {
    await Promise.race([
      conn.db.admin().ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('ping timeout')), 1000).unref()),
    ]);
    return true;
  } catch {
    return false;
  }
}
