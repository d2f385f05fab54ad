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

  it('when the liaison taps 关闭 and confirms, then the close is sent, the toast says how many pending matches ended, and the list reloads', async () => {
    const api = installFakeApi({
      'GET /api/supply-posts': [
        { status: 200, body: { items: [supplyPost()] } },
        { status: 200, body: { items: [supplyPost({ status: 'closed' })] } },
      ],
      [`POST /api/supply-posts/${OWN_POST}/close`]: {
        status: 200,
        body: { post: supplyPost({ status: 'closed' }), matchesEnded: 2 },
      },
    });
    render(<SupplyPostsPage />);
    await flush();
    fireEvent.click(screen.getByText('关闭'));
    await flush();
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({
        title: '关闭供需',
        content: expect.stringContaining('「聚丙烯颗粒」不再参与匹配'),
      }),
    );
    expect(
      api.calls.filter((c) => c.method === 'POST' && c.path.endsWith(`/${OWN_POST}/close`)),
    ).toHaveLength(1);
    expect(Taro.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '已关闭，2 条待确认对接已结束' }),
    );
    await flush();
    expect(screen.getByText('2026-03-01 至 2026-03-31 · 已关闭')).toBeTruthy();
    expect(screen.queryByText('关闭')).toBeNull();
  });

  it('when the liaison cancels the 关闭 prompt, then nothing is sent', async () => {
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    const api = installFakeApi({ 'GET /api/supply-posts': { status: 200, body: { items: [supplyPost()] } } });
    render(<SupplyPostsPage />);
    await flush();
    fireEvent.click(screen.getByText('关闭'));
    await flush();
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
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
