import { act, fireEvent, render, screen } from '@testing-library/react';
import { apiError, installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import {
  OTHER_POST,
  OWN_FIRM,
  OWN_POST,
  candidate,
  supplyMatch,
  supplyPost,
} from '../../../../test-support/supply-fixtures';
import { setRouterParams } from '../../../../test-support/taro';
import { saveSession } from '../../../services/session-vault';
import SupplyCandidatesPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 4; i += 1) await Promise.resolve();
  });
const routes = (proposeReply: Parameters<typeof installFakeApi>[0][string]) => ({
  'GET /api/supply-posts': { status: 200, body: { items: [supplyPost()] } },
  [`GET /api/supply-posts/${OWN_POST}/candidates`]: {
    status: 200,
    body: {
      items: [candidate(), candidate({ id: '64b7f0c2a1b2c3d4e5f60d03', title: '再生 PP', distanceKm: 88 })],
    },
  },
  'POST /api/supply-matches': proposeReply,
});

beforeEach(() => {
  const session = sessionFor(['liaison']);
  saveSession({ ...session, user: { ...session.user, enterpriseId: OWN_FIRM } });
  setRouterParams({ postId: OWN_POST });
});

describe('匹配 page', () => {
  it('when candidates are found, then each shows its distance in km and its days, nearest first, and no contact', async () => {
    installFakeApi(routes({ status: 201, body: supplyMatch() }));
    render(<SupplyCandidatesPage />);
    await flush();
    expect(screen.getByText('为「聚丙烯颗粒」寻找供应')).toBeTruthy();
    const distances = screen.getAllByText(/^距离约/).map((n) => n.textContent);
    expect(distances).toEqual(['距离约 23.5 km', '距离约 88.0 km']);
    expect(screen.getAllByText('2026-03-05 至 2026-03-14（10 天）')).toHaveLength(2);
    expect(screen.getAllByText('慈溪塑化材料厂 · 50 吨')).toHaveLength(2);
    // The firm's own contact is on its post record; the other side's never reaches this page.
    expect(document.body.textContent).not.toMatch(/联系人|138/);
  });

  it('when the liaison presses 发起对接, then the match is proposed from their post to that candidate', async () => {
    const api = installFakeApi(routes({ status: 201, body: supplyMatch() }));
    render(<SupplyCandidatesPage />);
    await flush();
    fireEvent.click(screen.getAllByText('发起对接')[0]);
    await flush();
    expect(api.calls.find((c) => c.method === 'POST')?.data).toEqual({
      postId: OWN_POST,
      counterpartId: OTHER_POST,
    });
    expect(screen.getByText('已发起，等待对方确认')).toBeTruthy();
    expect(screen.getAllByText('发起对接')).toHaveLength(1);
  });

  it('when the match was already proposed (409), then the server’s message shows on that candidate', async () => {
    installFakeApi(routes(apiError(409, 'CONFLICT', '已与该信息发起过对接')));
    render(<SupplyCandidatesPage />);
    await flush();
    fireEvent.click(screen.getAllByText('发起对接')[0]);
    await flush();
    expect(screen.getByText('已与该信息发起过对接')).toBeTruthy();
  });

  it('when the other post has expired (422), then its Chinese reason shows', async () => {
    installFakeApi(
      routes(
        apiError(422, 'BUSINESS_RULE', '对方的信息已过有效期', [
          { path: 'counterpartId', message: '对方的信息已过有效期' },
        ]),
      ),
    );
    render(<SupplyCandidatesPage />);
    await flush();
    fireEvent.click(screen.getAllByText('发起对接')[1]);
    await flush();
    expect(screen.getByText('对方的信息已过有效期')).toBeTruthy();
    expect(screen.getAllByText('发起对接')).toHaveLength(2);
  });
});
