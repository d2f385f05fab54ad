import { act, fireEvent, render, screen } from '@testing-library/react';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { candidate, supplyMatch, supplyPost } from '../../../../test-support/supply-fixtures';
import { saveSession } from '../../../services/session-vault';
import SupplyBrowsePage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 6; i += 1) await Promise.resolve();
  });
const paged = <T,>(items: T[], over: object = {}) => ({
  status: 200,
  body: { items, total: items.length, page: 1, pageSize: 20, ...over },
});

beforeEach(() => {
  const base = sessionFor(['officer']);
  saveSession({ ...base, user: { ...base.user, departmentId: 'gxj' } });
});

describe('供需总览 page (工信局)', () => {
  it('when it opens, then every firm’s posts are listed soonest-to-end first with firm, industry and status, and no contact', async () => {
    const api = installFakeApi({
      'GET /api/supply-chain/posts': paged(
        [
          candidate({ industry: '塑料制品' }),
          supplyPost({
            id: '64b7f0c2a1b2c3d4e5f60d09',
            status: 'closed',
            industry: '光学仪器',
            contact: null,
          }),
        ],
        { total: 41 },
      ),
    });
    render(<SupplyBrowsePage />);
    await flush();
    expect(screen.getByText('【供应】PP 聚丙烯')).toBeTruthy();
    expect(screen.getByText('慈溪塑化材料厂 · 塑料制品 · 330281')).toBeTruthy();
    expect(screen.getByText('2026-03-01 至 2026-03-31 · 已关闭')).toBeTruthy();
    expect(screen.getByText('共 41 条 · 第 1/3 页')).toBeTruthy();
    expect(screen.queryByText(/王经理/)).toBeNull();
    const first = api.calls.find((c) => c.path === '/api/supply-chain/posts')!;
    expect(first.url).toContain('sort=expiry');
    expect(first.url).toContain('page=1');
  });

  it('when the officer picks 需求, 已关闭 and 最新发布 and turns the page, then each list request carries those filters', async () => {
    const api = installFakeApi({
      'GET /api/supply-chain/posts': paged([supplyPost({ contact: null })], { total: 30 }),
    });
    render(<SupplyBrowsePage />);
    await flush();
    fireEvent.click(screen.getByText('需求'));
    await flush();
    fireEvent.click(screen.getAllByText('已关闭')[0]);
    await flush();
    fireEvent.click(screen.getByText('最新发布'));
    await flush();
    fireEvent.click(screen.getByText('下一页'));
    await flush();
    const last = api.calls.filter((c) => c.path === '/api/supply-chain/posts').pop()!;
    expect(last.url).toMatch(/side=demand/);
    expect(last.url).toMatch(/status=closed/);
    expect(last.url).toMatch(/sort=newest/);
    expect(last.url).toMatch(/page=2/);
  });

  it('when the officer opens 对接, then every match shows both firms, its status and why it ended', async () => {
    const reason = '需求方已关闭「聚丙烯颗粒」，不再需要对接';
    installFakeApi({
      'GET /api/supply-chain/posts': paged([]),
      'GET /api/supply-chain/matches': paged([supplyMatch({ status: 'ended', endedReason: reason })]),
    });
    render(<SupplyBrowsePage />);
    await flush();
    expect(screen.getByText('没有符合条件的记录')).toBeTruthy();
    fireEvent.click(screen.getByText('对接'));
    await flush();
    expect(screen.getByText('原材料 · 已结束')).toBeTruthy();
    expect(screen.getByText('供方 慈溪塑化材料厂「PP 聚丙烯」')).toBeTruthy();
    expect(screen.getByText('需方 余姚舜宇光学「聚丙烯颗粒」')).toBeTruthy();
    expect(screen.getByText(reason)).toBeTruthy();
    // A match list has no 供/需 filter.
    expect(screen.queryByText('供需', { selector: '.w-label' })).toBeNull();
  });
});
