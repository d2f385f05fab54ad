import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { OWN_FIRM, OWN_POST, supplyPost } from '../../../../test-support/supply-fixtures';
import { saveSession } from '../../../services/session-vault';
import SupplyPostsPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 4; i += 1) await Promise.resolve();
  });

beforeEach(() => {
  const session = sessionFor(['liaison']);
  saveSession({ ...session, user: { ...session.user, enterpriseId: OWN_FIRM } });
});

describe('供需信息 page', () => {
  it('when the firm has posts, then each shows its side, category, quantity and days, and 查看匹配 opens its candidates', async () => {
    installFakeApi({
      'GET /api/supply-posts': {
        status: 200,
        body: { items: [supplyPost(), supplyPost({ id: '64b7f0c2a1b2c3d4e5f60d09', status: 'closed' })] },
      },
    });
    render(<SupplyPostsPage />);
    await flush();
    expect(screen.getAllByText('【需求】聚丙烯颗粒')).toHaveLength(2);
    expect(screen.getAllByText('原材料 · 20 吨')).toHaveLength(2);
    expect(screen.getByText('2026-03-01 至 2026-03-31 · 已关闭')).toBeTruthy();
    // A closed post has nothing left to match.
    expect(screen.getAllByText('查看匹配')).toHaveLength(1);
    fireEvent.click(screen.getByText('查看匹配'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: `/supply/pages/candidates/index?postId=${OWN_POST}`,
    });
  });

  it('when the firm has posted nothing yet, then the page says so and still offers 发布供需', async () => {
    installFakeApi({ 'GET /api/supply-posts': { status: 200, body: { items: [] } } });
    render(<SupplyPostsPage />);
    await flush();
    expect(screen.getByText('还没有发布供需信息')).toBeTruthy();
    fireEvent.click(screen.getByText('发布供需'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/supply/pages/post-form/index' });
  });
});
