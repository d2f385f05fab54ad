import { act, fireEvent, render, screen } from '@testing-library/react';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { OTHER_FIRM, OWN_FIRM, supplyMatch } from '../../../../test-support/supply-fixtures';
import { saveSession } from '../../../services/session-vault';
import SupplyMatchesPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 4; i += 1) await Promise.resolve();
  });
const M = supplyMatch().id;

/** Signs in the liaison of `firm` (the demand side in the fixtures is OWN_FIRM). */
function signInFor(firm: string) {
  const session = sessionFor(['liaison']);
  saveSession({ ...session, user: { ...session.user, enterpriseId: firm } });
}

describe('我的对接 page', () => {
  it('when the firm proposed the match, then it waits for the other side and cannot confirm it itself', async () => {
    signInFor(OWN_FIRM);
    installFakeApi({ 'GET /api/supply-matches': { status: 200, body: { items: [supplyMatch()] } } });
    render(<SupplyMatchesPage />);
    await flush();
    expect(screen.getByText('原材料 · 待确认')).toBeTruthy();
    expect(screen.getByText('我方需求：聚丙烯颗粒')).toBeTruthy();
    expect(screen.getByText(/对方供应：慈溪塑化材料厂「PP 聚丙烯」50/)).toBeTruthy();
    expect(screen.getByText('我方发起 · 相距约 23.5 km')).toBeTruthy();
    expect(screen.getByText('等待对方确认')).toBeTruthy();
    expect(screen.queryByText('确认对接')).toBeNull();
    expect(screen.queryByText('查看联系方式')).toBeNull();
  });

  it('when the other side opens the same match, then it sees 确认对接, and pressing it sends the confirmation', async () => {
    signInFor(OTHER_FIRM);
    const api = installFakeApi({
      'GET /api/supply-matches': [
        { status: 200, body: { items: [supplyMatch()] } },
        {
          status: 200,
          body: { items: [supplyMatch({ status: 'confirmed', confirmedAt: '2026-03-02T03:00:00.000Z' })] },
        },
      ],
      [`POST /api/supply-matches/${M}/confirm`]: {
        status: 200,
        body: supplyMatch({ status: 'confirmed', confirmedAt: '2026-03-02T03:00:00.000Z' }),
      },
    });
    render(<SupplyMatchesPage />);
    await flush();
    expect(screen.getByText('对方发起 · 相距约 23.5 km')).toBeTruthy();
    fireEvent.click(screen.getByText('确认对接'));
    await flush();
    expect(api.calls.some((c) => c.method === 'POST' && c.path === `/api/supply-matches/${M}/confirm`)).toBe(
      true,
    );
    expect(screen.getByText('原材料 · 已对接')).toBeTruthy();
    expect(screen.queryByText('确认对接')).toBeNull();
  });

  it('when the match is confirmed, then 查看联系方式 shows the other firm’s contact read from the server', async () => {
    signInFor(OWN_FIRM);
    const api = installFakeApi({
      'GET /api/supply-matches': {
        status: 200,
        body: { items: [supplyMatch({ status: 'confirmed', confirmedAt: '2026-03-02T03:00:00.000Z' })] },
      },
      [`GET /api/supply-matches/${M}/contact`]: {
        status: 200,
        body: { matchId: M, enterpriseName: '慈溪塑化材料厂', name: '陈主任', phone: '13900000003' },
      },
    });
    render(<SupplyMatchesPage />);
    await flush();
    expect(screen.queryByText(/陈主任/)).toBeNull();
    fireEvent.click(screen.getByText('查看联系方式'));
    await flush();
    expect(screen.getByText('慈溪塑化材料厂 联系人 陈主任 13900000003')).toBeTruthy();
    expect(api.calls.filter((c) => c.path.endsWith('/contact'))).toHaveLength(1);
  });

  it('when a match is still proposed, then no contact can be asked for on either side', async () => {
    signInFor(OTHER_FIRM);
    installFakeApi({ 'GET /api/supply-matches': { status: 200, body: { items: [supplyMatch()] } } });
    render(<SupplyMatchesPage />);
    await flush();
    expect(screen.queryByText('查看联系方式')).toBeNull();
  });

  it('when the other side closed its post, then the pending match shows 已结束 with the reason and nothing to confirm', async () => {
    signInFor(OTHER_FIRM);
    const reason = '需求方已关闭「聚丙烯颗粒」，不再需要对接';
    installFakeApi({
      'GET /api/supply-matches': {
        status: 200,
        body: { items: [supplyMatch({ status: 'ended', endedReason: reason })] },
      },
    });
    render(<SupplyMatchesPage />);
    await flush();
    expect(screen.getByText('原材料 · 已结束')).toBeTruthy();
    expect(screen.getByText(reason)).toBeTruthy();
    expect(screen.queryByText('确认对接')).toBeNull();
    expect(screen.queryByText('等待对方确认')).toBeNull();
    expect(screen.queryByText('查看联系方式')).toBeNull();
  });
});
