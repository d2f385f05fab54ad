import { act, fireEvent, render, screen } from '@testing-library/react';
import type { FreightCheckResult } from '@fugong/contracts';
import { installFakeApi, sessionFor } from '../../../test-support/fake-api';
import { saveSession } from '../../services/session-vault';
import { freightPass } from '../../../test-support/freight-fixtures';
import FreightCheckPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 6; i += 1) await Promise.resolve();
  });
const p = freightPass();
const answer = (result: FreightCheckResult['result'], message: string): FreightCheckResult => ({
  id: '65f0a1b2c3d4e5f6a7b8c9e0',
  result,
  message,
  checkedAt: '2026-03-02T02:00:00.000Z',
  pass: {
    id: p.id,
    plate: p.plate,
    vehicleType: p.vehicleType,
    cargo: p.cargo,
    driver: p.driver,
    enterpriseName: p.enterpriseName,
    route: p.route,
    validFrom: p.validFrom,
    validUntil: p.validUntil,
  },
});
const type = (placeholder: string, value: string) =>
  fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } });

describe('checkpoint scan (H5: the code is typed or pasted)', () => {
  beforeEach(() => saveSession(sessionFor(['checkpoint'])));

  it('when a valid code is checked, then 准予通行 shows with plate, cargo and the masked driver, and the post is sent', async () => {
    const { calls } = installFakeApi({
      'POST /api/freight-checks': { status: 200, body: answer('valid', '有效，准予通行') },
    });
    render(<FreightCheckPage />);
    expect(screen.queryByText('扫描通行证')).toBeNull();
    type('如 G15-YY01', 'g15-yy01');
    type('如 沈海高速余姚收费站', '沈海高速余姚收费站');
    type('扫码结果（或粘贴二维码内容）', 'FP1.code');
    fireEvent.click(screen.getByText('核验'));
    await flush();
    expect(screen.getByText('准予通行')).toBeTruthy();
    expect(screen.getByText('浙B12345D')).toBeTruthy();
    expect(screen.getByText(/王师傅 · 139\*\*\*\*5678/)).toBeTruthy();
    expect(calls[0].data).toEqual({
      token: 'FP1.code',
      checkpoint: { code: 'G15-YY01', name: '沈海高速余姚收费站' },
    });
  });

  it('when the pass was revoked, then 不予通行 shows with the reason', async () => {
    installFakeApi({ 'POST /api/freight-checks': { status: 200, body: answer('revoked', '已被撤销') } });
    render(<FreightCheckPage />);
    type('如 G15-YY01', 'G15-YY01');
    type('如 沈海高速余姚收费站', '余姚收费站');
    type('扫码结果（或粘贴二维码内容）', 'FP1.code');
    fireEvent.click(screen.getByText('核验'));
    await flush();
    expect(screen.getByText('不予通行')).toBeTruthy();
    expect(screen.getByText('已被撤销')).toBeTruthy();
  });

  it('when no post is given, then nothing is sent and the checker is asked for it', async () => {
    localStorage.clear();
    const { calls } = installFakeApi({});
    render(<FreightCheckPage />);
    type('扫码结果（或粘贴二维码内容）', 'FP1.code');
    fireEvent.click(screen.getByText('核验'));
    await flush();
    expect(screen.getByText('请先填写卡口编号和名称')).toBeTruthy();
    expect(calls).toHaveLength(0);
  });
});
