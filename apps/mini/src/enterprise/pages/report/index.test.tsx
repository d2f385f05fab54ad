import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { saveSession } from '../../../services/session-vault';
import ReportPage from './index';

const FIRM = '64b7f0c2a1b2c3d4e5f60799';
const flush = () =>
  act(async () => {
    await Promise.resolve();
    await Promise.resolve();
  });

function liaison() {
  const s = sessionFor(['liaison']);
  saveSession({ ...s, user: { ...s.user, enterpriseId: FIRM } });
}

describe('复工进度直报 page', () => {
  beforeEach(() => Object.assign(Taro, { navigateBack: jest.fn(async () => ({})) }));

  it('when more staff are on site than in total, then the field says so and nothing is sent', async () => {
    liaison();
    const api = installFakeApi({});
    render(<ReportPage />);
    fireEvent.change(screen.getByPlaceholderText('复工日期'), { target: { value: '2026-02-20' } });
    fireEvent.change(screen.getByPlaceholderText('在岗人数'), { target: { value: '120' } });
    fireEvent.change(screen.getByPlaceholderText('职工总数'), { target: { value: '100' } });
    fireEvent.change(screen.getByPlaceholderText('产能百分比'), { target: { value: '80' } });
    fireEvent.click(screen.getByText('提交'));
    await flush();
    expect(screen.getByText('在岗人数不能超过职工总数')).toBeTruthy();
    expect(api.calls).toHaveLength(0);
  });

  it("when the form is valid, then today's report is PUT for the liaison's firm and the page closes", async () => {
    liaison();
    const api = installFakeApi({
      [`PUT /api/enterprises/${FIRM}/reopening/today`]: { status: 200, body: {} },
    });
    render(<ReportPage />);
    fireEvent.click(screen.getByText('未复工'));
    fireEvent.change(screen.getByPlaceholderText('在岗人数'), { target: { value: '0' } });
    fireEvent.change(screen.getByPlaceholderText('职工总数'), { target: { value: '100' } });
    fireEvent.change(screen.getByPlaceholderText('产能百分比'), { target: { value: '0' } });
    fireEvent.click(screen.getByText('提交'));
    await flush();
    expect(api.calls[0].data).toEqual({
      reopened: false,
      reopenedSince: null,
      staffOnSite: 0,
      staffTotal: 100,
      capacityPercent: 0,
    });
    expect(Taro.navigateBack).toHaveBeenCalled();
  });

  it('when the account is not bound to a firm, then the page says so', () => {
    saveSession(sessionFor(['liaison']));
    installFakeApi({});
    render(<ReportPage />);
    expect(screen.getByText('尚未绑定企业')).toBeTruthy();
  });
});
