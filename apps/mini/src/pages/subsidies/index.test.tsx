import { act, fireEvent, render, screen } from '@testing-library/react';
import { fireReachBottom } from '../../../test-support/taro';
import { installFakeApi, sessionFor } from '../../../test-support/fake-api';
import { saveSession } from '../../services/session-vault';
import SubsidiesPage from './index';

const flush = () =>
  act(async () => {
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
  });
const item = {
  id: '64b7f0c2a1b2c3d4e5f60711',
  listId: '64b7f0c2a1b2c3d4e5f60712',
  policy: 'hiring',
  policyLabel: '一次性吸纳就业补贴',
  period: '2020',
  enterpriseId: '64b7f0c2a1b2c3d4e5f60799',
  enterpriseName: '兰江模塑厂',
  amountFen: 1_200_000,
  reason: '新吸纳 12 人 × 1,000 元',
  facts: { counted: 12 },
  excluded: null,
  objection: null,
  headline: '您可享受 12,000 元，无需申请',
  publicityEndsAt: '2020-03-23T01:00:00.000Z',
  canObject: true,
  paid: false,
};

describe('可享政策 page', () => {
  it('when the firm has a line in 公示, then it shows the amount, the reason and the deadline, and an objection is sent', async () => {
    saveSession(sessionFor(['liaison']));
    const api = installFakeApi({
      'GET /api/subsidies/mine': { status: 200, body: { items: [item] } },
      [`POST /api/subsidies/entitlements/${item.id}/objection`]: {
        status: 200,
        body: {
          ...item,
          canObject: false,
          objection: { text: 'x', at: '', status: 'pending', decisionNote: null, decidedAt: null },
        },
      },
    });
    render(<SubsidiesPage />);
    await flush();
    expect(screen.getByText('您可享受 12,000 元，无需申请')).toBeTruthy();
    expect(screen.getByText('依据：新吸纳 12 人 × 1,000 元')).toBeTruthy();
    expect(screen.getByText('公示至 2020/3/23 09:00')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('对公示结果有异议？请写明理由'), {
      target: { value: '另有 1 名新员工漏报' },
    });
    fireEvent.click(screen.getByText('提出异议'));
    await flush();
    const sent = api.calls.find((c) => c.method === 'POST');
    expect(sent?.data).toEqual({ text: '另有 1 名新员工漏报' });
  });

  it('when the objection text is too short, then the field error shows and nothing is sent', async () => {
    saveSession(sessionFor(['liaison']));
    const api = installFakeApi({ 'GET /api/subsidies/mine': { status: 200, body: { items: [item] } } });
    render(<SubsidiesPage />);
    await flush();
    fireEvent.change(screen.getByLabelText('对公示结果有异议？请写明理由'), { target: { value: '不对' } });
    fireEvent.click(screen.getByText('提出异议'));
    await flush();
    expect(screen.getByText('请写明异议内容（至少 5 个字）')).toBeTruthy();
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('when nothing is due, then the empty state says it comes without applying', async () => {
    saveSession(sessionFor(['liaison']));
    installFakeApi({ 'GET /api/subsidies/mine': { status: 200, body: { items: [] } } });
    render(<SubsidiesPage />);
    await flush();
    expect(screen.getByText('暂无公示中的补贴')).toBeTruthy();
  });

  it('when the firm has more than a page of entitlements and scrolls to the bottom, then the older ones are fetched after the last shown and appended', async () => {
    saveSession(sessionFor(['liaison']));
    const older = {
      ...item,
      id: '64b7f0c2a1b2c3d4e5f60701',
      period: '2019',
      headline: '您可享受 3,000 元，无需申请',
      canObject: false,
    };
    const api = installFakeApi({
      'GET /api/subsidies/mine': (call) =>
        call.url.includes(`cursor=${item.id}`)
          ? { status: 200, body: { items: [older], nextCursor: null } }
          : { status: 200, body: { items: [item], nextCursor: item.id } },
    });
    render(<SubsidiesPage />);
    await flush();
    expect(screen.getByText('上拉查看更早的补贴')).toBeTruthy();
    expect(screen.queryByText('您可享受 3,000 元，无需申请')).toBeNull();
    act(() => fireReachBottom());
    await flush();
    expect(screen.getByText('您可享受 12,000 元，无需申请')).toBeTruthy();
    expect(screen.getByText('您可享受 3,000 元，无需申请')).toBeTruthy();
    expect(screen.queryByText('上拉查看更早的补贴')).toBeNull();
    expect(api.calls.filter((c) => c.path === '/api/subsidies/mine')).toHaveLength(2);
  });
});
