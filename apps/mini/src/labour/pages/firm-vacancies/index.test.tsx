import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { vacancy } from '../../../../test-support/labour-fixtures';
import { saveSession } from '../../../services/session-vault';
import FirmVacanciesPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 4; i += 1) await Promise.resolve();
  });
const V = vacancy().id;

beforeEach(() => saveSession(sessionFor(['liaison'])));

describe('招工岗位 page', () => {
  it('when a vacancy went 7 days unconfirmed, then the liaison is told workers no longer see it, and 确认仍在招 sends the confirmation', async () => {
    const api = installFakeApi({
      'GET /api/labour/vacancies/mine': { status: 200, body: { items: [vacancy({ stale: true })] } },
      [`POST /api/labour/vacancies/${V}/confirm`]: { status: 200, body: vacancy() },
    });
    render(<FirmVacanciesPage />);
    await flush();
    expect(screen.getByText('超过 7 天未确认，求职者已看不到该岗位')).toBeTruthy();
    expect(screen.getByText('招聘中 · 已录用 1/5 人 · 月薪 4500–6000 元')).toBeTruthy();
    fireEvent.click(screen.getByText('确认仍在招'));
    await flush();
    expect(api.calls.some((c) => c.method === 'POST' && c.path.endsWith(`/${V}/confirm`))).toBe(true);
  });

  it('when the liaison withdraws and confirms the prompt, then the withdrawal is sent', async () => {
    const api = installFakeApi({
      'GET /api/labour/vacancies/mine': { status: 200, body: { items: [vacancy()] } },
      [`POST /api/labour/vacancies/${V}/withdraw`]: { status: 200, body: vacancy({ status: 'withdrawn' }) },
    });
    render(<FirmVacanciesPage />);
    await flush();
    fireEvent.click(screen.getByText('撤回'));
    await flush();
    expect(Taro.showModal).toHaveBeenCalled();
    expect(api.calls.some((c) => c.method === 'POST' && c.path.endsWith(`/${V}/withdraw`))).toBe(true);
  });

  it('when a vacancy is withdrawn, then it can no longer be confirmed or edited, only its applications read', async () => {
    installFakeApi({
      'GET /api/labour/vacancies/mine': { status: 200, body: { items: [vacancy({ status: 'withdrawn' })] } },
    });
    render(<FirmVacanciesPage />);
    await flush();
    expect(screen.queryByText('确认仍在招')).toBeNull();
    expect(screen.queryByText('修改')).toBeNull();
    expect(screen.queryByText('匹配人选')).toBeNull();
    fireEvent.click(screen.getByText('查看投递'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: `/labour/pages/firm-applications/index?vacancyId=${V}`,
    });
  });

  it('when a vacancy is open, then 匹配人选 opens the seekers fitting it', async () => {
    installFakeApi({ 'GET /api/labour/vacancies/mine': { status: 200, body: { items: [vacancy()] } } });
    render(<FirmVacanciesPage />);
    await flush();
    fireEvent.click(screen.getByText('匹配人选'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: `/labour/pages/vacancy-candidates/index?vacancyId=${V}`,
    });
  });
});
