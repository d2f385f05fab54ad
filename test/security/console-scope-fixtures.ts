import type { ScopeFixture, ScopedRequest } from './scope-fixtures';
import { caller, storedEnterprise, type Caller } from './support/people';

const req = (who: Caller, method: 'get' | 'post', url: string, body?: unknown): ScopedRequest => ({
  who,
  method,
  url,
  body,
});

/** A bulk-grant sheet whose one row names a phone with no account: it is read and refused, nothing granted. */
const GRANT_SHEET = Buffer.from('\ufeff手机号,角色,范围,备注\r\n13900000000,复工管家,,\r\n', 'utf8');
const grantSheet = (who: Caller): ScopedRequest => ({
  who,
  method: 'post',
  url: '/api/admin/role-grant-imports',
  files: { file: GRANT_SHEET },
  filename: '授权.csv',
});

/**
 * The command's console: 批量授权 from a sheet, steward assignments in bulk, a leaving steward's hand-over, coverage
 * and the audit log. The command's scope is the whole city, so the record check is that no one
 * else reaches them: a steward cannot take another steward's firms (or hand their own away), a
 * liaison cannot see the city's coverage or who read what. Each fixture leaves firm A with
 * steward A and firm B with steward B, as the world has them.
 */
export const CONSOLE_SCOPE_FIXTURES: Record<string, ScopeFixture> = {
  // 批量授权: only the command grants roles from a sheet or reads its report.
  'admin.roleGrants.import': async (w) => ({
    inScope: grantSheet(w.admin),
    outOfScope: [grantSheet(w.stewardA), grantSheet(w.liaisonA)],
  }),
  'admin.roleGrants.report': async (w) => {
    const sheet = await w.t.http
      .post('/api/admin/role-grant-imports')
      .set(w.admin.auth)
      .attach('file', GRANT_SHEET, '授权.csv');
    const url = `/api/admin/role-grant-imports/${sheet.body.id as string}/report`;
    return {
      inScope: req(w.admin, 'get', url),
      outOfScope: [req(w.stewardA, 'get', url), req(w.liaisonA, 'get', url)],
    };
  },
  'stewards.assign.preview': async (w) => ({
    inScope: req(w.admin, 'get', '/api/steward-assignments/preview?regionCode=330281'),
    outOfScope: [req(w.stewardA, 'get', '/api/steward-assignments/preview?regionCode=330281')],
  }),
  'stewards.assign.bulk': async (w) => {
    const firmB = { filter: { regionCode: '330281' }, stewardId: w.stewardA.id, onlyUnassigned: false };
    return {
      // Only firms without a steward move: firm A and firm B keep theirs.
      inScope: req(w.admin, 'post', '/api/steward-assignments/bulk', {
        filter: { regionCode: '330281' },
        stewardId: w.stewardB.id,
      }),
      outOfScope: [
        req(w.stewardA, 'post', '/api/steward-assignments/bulk', firmB),
        req(w.liaisonA, 'post', '/api/steward-assignments/bulk', firmB),
      ],
    };
  },
  'stewards.rebalance': async (w) => {
    // A steward of their own, with one firm of their own, hands over: the world's firms stay put.
    const leaving = await caller(w.t, ['steward']);
    const firm = await storedEnterprise(w.t, '余姚移交测试企业');
    await w.t.container.stewards.repos.assignments.reassign(firm, leaving.id, w.admin.id, w.t.clock.now());
    const body = { fromStewardId: leaving.id, toStewardIds: [w.stewardA.id] };
    return {
      inScope: req(w.admin, 'post', '/api/steward-assignments/rebalance', body),
      outOfScope: [
        req(w.stewardA, 'post', '/api/steward-assignments/rebalance', body),
        req(w.stewardB, 'post', '/api/steward-assignments/rebalance', {
          fromStewardId: w.stewardA.id,
          toStewardIds: [w.stewardB.id],
        }),
      ],
    };
  },
  'stewards.coverage': async (w) => ({
    inScope: req(w.admin, 'get', '/api/steward-assignments/coverage?lapseDays=7'),
    outOfScope: [
      req(w.stewardA, 'get', '/api/steward-assignments/coverage'),
      req(w.liaisonA, 'get', '/api/steward-assignments/coverage'),
    ],
  }),
  'audit.list': async (w) => {
    const url = `/api/audit-log?from=2019-12-01&to=2019-12-31&actorId=${w.admin.id}`;
    return { inScope: req(w.admin, 'get', url), outOfScope: [req(w.stewardA, 'get', url)] };
  },
  'audit.export': async (w) => {
    const url = '/api/audit-log/export?from=2019-12-01&to=2019-12-31';
    return {
      inScope: req(w.admin, 'get', url),
      outOfScope: [req(w.stewardA, 'get', url), req(w.liaisonA, 'get', url)],
    };
  },
};
