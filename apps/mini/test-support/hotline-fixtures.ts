import type { HotlineCall } from '@fugong/contracts';

export const CALL = '64b7f0c2a1b2c3d4e5f60e01';
export const FIRM = '64b7f0c2a1b2c3d4e5f60e02';
export const ISSUE = '64b7f0c2a1b2c3d4e5f60e03';

/** A call raised as an issue, still with the department, as GET /api/hotline/calls returns it. */
export function hotlineCall(over: Partial<HotlineCall> = {}): HotlineCall {
  return {
    id: CALL,
    line: '7712345',
    callerPhoneMasked: '139****5678',
    enterpriseId: FIRM,
    enterpriseName: '余姚模具厂',
    category: 'employment',
    text: '工厂复工缺少熟练工 40 人',
    status: 'in_progress',
    answer: null,
    issueId: ISSUE,
    issueNumber: '20260310123456',
    receivedAt: '2026-03-10T02:00:00.000Z',
    closedAt: null,
    closedWithinDeadline: null,
    notifiedAt: null,
    callback: null,
    ...over,
  };
}
