import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { installFakeApi, sessionFor } from '../../../test-support/fake-api';
import { saveSession } from '../../services/session-vault';
import { CHECKIN } from '../../../test-support/fixtures';
import { loadDraft } from './draft';
import CheckinPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
  });
const session = sessionFor(['worker']);
const REGIONS = {
  items: [{ code: '520102', name: '贵阳市南明区', riskLevel: 'low', updatedAt: '2026-03-01T00:00:00Z' }],
};

describe('health check-in page', () => {
  beforeEach(() => saveSession(session));

  it("when yesterday's check-in exists, then its answers are pre-filled except the temperature", async () => {
    installFakeApi({
      'GET /api/checkins/latest': { status: 200, body: { checkin: CHECKIN } },
      'GET /api/regions': { status: 200, body: REGIONS },
    });
    render(<CheckinPage />);
    await flush();
    expect(screen.getByText(/已按上次（2026-03-01）的回答预先填好/)).toBeTruthy();
    expect((screen.getByPlaceholderText('例如 36.5') as HTMLInputElement).value).toBe('');
    expect(screen.getByText('绿码').parentElement!.className).toContain('w-chips__chip--on');
    expect(screen.getByText('贵阳市南明区').parentElement!.className).toContain('w-chips__chip--on');
  });

  it('when the temperature has two decimals, then the phone says so and sends nothing', async () => {
    const { calls } = installFakeApi({
      'GET /api/checkins/latest': { status: 200, body: { checkin: CHECKIN } },
      'GET /api/regions': { status: 200, body: REGIONS },
    });
    render(<CheckinPage />);
    await flush();
    fireEvent.change(screen.getByPlaceholderText('例如 36.5'), { target: { value: '36.55' } });
    fireEvent.click(screen.getByText('提交打卡'));
    await flush();
    expect(screen.getByText('体温最多保留一位小数')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('when the network drops on submit, then the answers stay as a draft and come back on the next visit', async () => {
    installFakeApi({
      'GET /api/checkins/latest': { status: 200, body: { checkin: null } },
      'GET /api/regions': { status: 200, body: REGIONS },
      'POST /api/checkins': { fail: 'network' },
    });
    const view = render(<CheckinPage />);
    await flush();
    fireEvent.change(screen.getByPlaceholderText('例如 36.5'), { target: { value: '36.6' } });
    fireEvent.click(screen.getByText('绿码'));
    await act(async () => {
      fireEvent.click(screen.getByText('提交打卡'));
      await new Promise((r) => setTimeout(r, 3000));
    });
    expect(screen.getByText(/已保存在手机上/)).toBeTruthy();
    expect(loadDraft(session.user.id)).toMatchObject({ temperature: '36.6', healthCode: 'green' });
    view.unmount();
    render(<CheckinPage />);
    await flush();
    expect((screen.getByPlaceholderText('例如 36.5') as HTMLInputElement).value).toBe('36.6');
  });

  it('when the check-in succeeds, then it was sent with an idempotency key, the draft is cleared and the pass page opens', async () => {
    const { calls } = installFakeApi({
      'GET /api/checkins/latest': { status: 200, body: { checkin: CHECKIN } },
      'GET /api/regions': { status: 200, body: REGIONS },
      'POST /api/checkins': {
        status: 200,
        body: {
          checkin: CHECKIN,
          pass: { color: 'green', reasons: [], validUntil: null, checkedInAt: null },
        },
      },
    });
    render(<CheckinPage />);
    await flush();
    fireEvent.change(screen.getByPlaceholderText('例如 36.5'), { target: { value: '36.5' } });
    fireEvent.click(screen.getByText('提交打卡'));
    await flush();
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.header['Idempotency-Key']).toMatch(/.{8,}/);
    expect(post.data).toMatchObject({ temperature: 36.5, healthCode: 'green', places: ['520102'] });
    expect(loadDraft(session.user.id)).toBeNull();
    expect(Taro.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: expect.stringContaining('/pages/pass/index') }),
    );
  });
});
