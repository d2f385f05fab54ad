import { act, fireEvent, render, screen } from '@testing-library/react';
import { fireReachBottom } from '../../../test-support/taro';
import type { Session } from '@fugong/contracts';
import { installFakeApi, sessionFor } from '../../../test-support/fake-api';
import { saveSession } from '../../services/session-vault';
import SubsidyReviewPage from './index';

const flush = () =>
  act(async () => {
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
  });
const list = {
  id: '64b7f0c2a1b2c3d4e5f60712',
  policy: 'hiring',
  policyLabel: '一次性吸纳就业补贴',
  period: '2020',
  version: 'hiring-2020-v1',
  status: 'draft',
  count: 2,
  totalFen: 1_500_000,
  createdAt: '2020-03-16T01:00:00.000Z',
  publicityEndsAt: null,
  diff: {
    againstListId: '64b7f0c2a1b2c3d4e5f60700',
    added: [],
    removed: [],
    changed: [{ enterpriseId: 'x', enterpriseName: '甲', beforeFen: 1, afterFen: 2, alreadyInLedger: true }],
    unchanged: 1,
  },
};

describe('免申即享审核 page', () => {
  it('when a draft list is shown, then its totals and diff are read out and 审核通过 approves it', async () => {
    saveSession(sessionFor(['officer']));
    const api = installFakeApi({
      'GET /api/subsidies/lists': { status: 200, body: { items: [list] } },
      [`POST /api/subsidies/lists/${list.id}/approve`]: {
        status: 200,
        body: { ...list, status: 'approved' },
      },
    });
    render(<SubsidyReviewPage />);
    await flush();
    expect(screen.getByText('待审核 · 2 家 · 合计 15,000 元')).toBeTruthy();
    expect(
      screen.getByText('较上次公示：新增 0 家，减少 0 家，金额变化 1 家（已入支付台账的不会重复支付）'),
    ).toBeTruthy();
    fireEvent.click(screen.getByText('审核通过'));
    await flush();
    expect(api.calls.some((c) => c.method === 'POST' && c.path.endsWith('/approve'))).toBe(true);
  });

  it('when the officer has no lists, then the empty state says so', async () => {
    saveSession(sessionFor(['officer']));
    installFakeApi({ 'GET /api/subsidies/lists': { status: 200, body: { items: [] } } });
    render(<SubsidyReviewPage />);
    await flush();
    expect(screen.getByText('暂无享受名单')).toBeTruthy();
  });
});

const officerOf = (departmentId: string): Session => {
  const s = sessionFor(['officer']);
  return { ...s, user: { ...s.user, departmentId } };
};
/** A draft with no earlier 公示 to compare with. */
const draft = { ...list, totalFen: 500_000, diff: null };
const line = (id: string, enterpriseName: string, amountFen: number, over: object = {}) => ({
  id,
  listId: list.id,
  policy: 'hiring',
  policyLabel: '一次性吸纳就业补贴',
  period: '2020',
  enterpriseId: `${id.slice(0, 22)}99`,
  enterpriseName,
  amountFen,
  reason: `新吸纳 ${amountFen / 100_000} 人 × 1,000 元`,
  facts: {},
  excluded: null,
  objection: null,
  ...over,
});
const mingzhou = line('64b7f0c2a1b2c3d4e5f60721', '明州光电', 300_000);
const yangming = line('64b7f0c2a1b2c3d4e5f60722', '阳明精密', 200_000);
const posts = (api: { calls: { method: string; path: string; data: unknown }[] }) =>
  api.calls.filter((c) => c.method === 'POST');

describe('免申即享审核: run, review firm by firm, decide objections', () => {
  it('when 人社局 enters a period and taps 计算名单, then the policy is run and the lists reload', async () => {
    saveSession(officerOf('rsj'));
    const api = installFakeApi({
      'GET /api/subsidies/lists': [
        { status: 200, body: { items: [] } },
        { status: 200, body: { items: [draft] } },
      ],
      'POST /api/subsidies/runs': { status: 200, body: { created: true, list: draft } },
    });
    render(<SubsidyReviewPage />);
    await flush();
    fireEvent.change(screen.getByLabelText('如 2020'), { target: { value: '2020' } });
    fireEvent.click(screen.getByText('计算名单'));
    await flush();
    expect(posts(api)[0]?.data).toEqual({ policy: 'hiring', period: '2020' });
    expect(screen.getByText('待审核 · 2 家 · 合计 5,000 元')).toBeTruthy();
  });

  it('when the period is not a year, then the field says so and nothing is run', async () => {
    saveSession(officerOf('rsj'));
    const api = installFakeApi({ 'GET /api/subsidies/lists': { status: 200, body: { items: [] } } });
    render(<SubsidyReviewPage />);
    await flush();
    fireEvent.change(screen.getByLabelText('如 2020'), { target: { value: '20' } });
    fireEvent.click(screen.getByText('计算名单'));
    await flush();
    expect(screen.getByText('期次应为年份，如 2020')).toBeTruthy();
    expect(posts(api)).toHaveLength(0);
  });

  it('when the officer is 财政局, then there is no run form: only the lead department computes', async () => {
    saveSession(officerOf('czj'));
    installFakeApi({ 'GET /api/subsidies/lists': { status: 200, body: { items: [draft] } } });
    render(<SubsidyReviewPage />);
    await flush();
    expect(screen.getByText('待审核 · 2 家 · 合计 5,000 元')).toBeTruthy();
    expect(screen.queryByText('计算名单')).toBeNull();
  });

  it('when a draft list is opened and one firm is excluded with a reason, then the reason is sent and shown', async () => {
    saveSession(officerOf('rsj'));
    const excluded = { ...yangming, excluded: { reason: '已另行申领', at: '2020-03-16T02:00:00.000Z' } };
    const api = installFakeApi({
      'GET /api/subsidies/lists': { status: 200, body: { items: [draft] } },
      [`GET /api/subsidies/lists/${list.id}`]: [
        {
          status: 200,
          body: { ...draft, items: [mingzhou, yangming], nextCursor: null, pendingObjections: 0 },
        },
        {
          status: 200,
          body: { ...draft, items: [mingzhou, excluded], nextCursor: null, pendingObjections: 0 },
        },
      ],
      [`POST /api/subsidies/lists/${list.id}/items/${yangming.id}/exclude`]: { status: 200, body: excluded },
    });
    render(<SubsidyReviewPage />);
    await flush();
    fireEvent.click(screen.getByText('查看明细'));
    await flush();
    expect(screen.getByText('明州光电 · 3,000 元')).toBeTruthy();
    expect(screen.getByText('依据：新吸纳 2 人 × 1,000 元')).toBeTruthy();
    fireEvent.click(screen.getAllByText('剔除')[1]!);
    fireEvent.change(screen.getByLabelText('剔除理由'), { target: { value: '已另行申领' } });
    fireEvent.click(screen.getByText('确认剔除'));
    await flush();
    expect(posts(api).map((c) => [c.path, c.data])).toEqual([
      [`/api/subsidies/lists/${list.id}/items/${yangming.id}/exclude`, { reason: '已另行申领' }],
    ]);
    expect(screen.getByText('已剔除：已另行申领')).toBeTruthy();
    expect(screen.getByText('恢复')).toBeTruthy();
  });

  it('when a firm objected during 公示, then the officer reads it and rejects it with an opinion', async () => {
    saveSession(officerOf('rsj'));
    const publicity = { ...draft, status: 'publicity', publicityEndsAt: '2020-03-23T01:00:00.000Z' };
    const objection = {
      text: '少算了一人',
      at: '2020-03-17T01:00:00.000Z',
      decisionNote: null,
      decidedAt: null,
    };
    const pending = { ...mingzhou, objection: { ...objection, status: 'pending' } };
    const decided = {
      ...mingzhou,
      objection: { ...objection, status: 'rejected', decisionNote: '合同不足一年', decidedAt: '' },
    };
    const api = installFakeApi({
      'GET /api/subsidies/lists': { status: 200, body: { items: [publicity] } },
      [`GET /api/subsidies/lists/${list.id}`]: [
        { status: 200, body: { ...publicity, items: [pending], nextCursor: null, pendingObjections: 1 } },
        { status: 200, body: { ...publicity, items: [decided], nextCursor: null, pendingObjections: 0 } },
      ],
      [`POST /api/subsidies/lists/${list.id}/items/${mingzhou.id}/objection/decision`]: {
        status: 200,
        body: decided,
      },
    });
    render(<SubsidyReviewPage />);
    await flush();
    fireEvent.click(screen.getByText('查看明细'));
    await flush();
    expect(screen.getByText('待处理异议 1 件')).toBeTruthy();
    expect(screen.getByText('企业异议：少算了一人')).toBeTruthy();
    expect(screen.queryByText('剔除')).toBeNull();
    fireEvent.change(screen.getByLabelText('处理意见（企业可见）'), { target: { value: '合同不足一年' } });
    fireEvent.click(screen.getByText('异议不成立'));
    await flush();
    expect(posts(api)[0]?.data).toEqual({ decision: 'rejected', note: '合同不足一年' });
    expect(screen.getByText('异议不成立：合同不足一年')).toBeTruthy();
    expect(screen.queryByText('待处理异议 1 件')).toBeNull();
  });

  it('when a long list is opened and scrolled to the bottom, then the next page is asked for with the cursor and appended, pending objections first', async () => {
    saveSession(officerOf('rsj'));
    const publicity = {
      ...draft,
      count: 45,
      status: 'publicity',
      publicityEndsAt: '2020-03-23T01:00:00.000Z',
    };
    const objection = { text: '金额有误', at: '', status: 'pending', decisionNote: null, decidedAt: null };
    const firms = Array.from({ length: 45 }, (_, i) =>
      line(
        `64b7f0c2a1b2c3d4e5f6${String(1000 + i)}`,
        `第${i + 1}号企业`,
        100_000,
        i === 19 ? { objection } : {},
      ),
    );
    const cursor = firms[29]!.enterpriseId;
    const api = installFakeApi({
      'GET /api/subsidies/lists': { status: 200, body: { items: [publicity] } },
      [`GET /api/subsidies/lists/${list.id}`]: (call) =>
        call.url.includes(`cursor=${cursor}`)
          ? {
              status: 200,
              body: { ...publicity, items: firms.slice(30), nextCursor: null, pendingObjections: 1 },
            }
          : {
              status: 200,
              body: { ...publicity, items: firms.slice(0, 30), nextCursor: cursor, pendingObjections: 1 },
            },
    });
    render(<SubsidyReviewPage />);
    await flush();
    fireEvent.click(screen.getByText('查看明细'));
    await flush();
    const titles = () => screen.getAllByText(/^第\d+号企业 · /).map((n) => n.textContent);
    expect(titles()).toHaveLength(30);
    expect(titles()[0]).toBe('第20号企业 · 1,000 元');
    expect(screen.getByText('待处理异议 1 件')).toBeTruthy();
    expect(screen.getByText('已显示 30 家（共 45 家），上拉加载更多')).toBeTruthy();
    act(() => fireReachBottom());
    await flush();
    expect(titles()).toHaveLength(45);
    expect(titles()[44]).toBe('第45号企业 · 1,000 元');
    expect(screen.getByText('已显示全部 45 家')).toBeTruthy();
    act(() => fireReachBottom());
    await flush();
    const detailCalls = api.calls.filter((c) => c.path === `/api/subsidies/lists/${list.id}`);
    expect(detailCalls).toHaveLength(2);
  });
});
