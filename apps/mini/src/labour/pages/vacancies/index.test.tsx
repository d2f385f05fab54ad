import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { apiError, installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { vacancy } from '../../../../test-support/labour-fixtures';
import { saveSession } from '../../../services/session-vault';
import VacanciesPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 4; i += 1) await Promise.resolve();
  });
const searches = (calls: { method: string; url: string }[]) =>
  calls.filter((c) => c.method === 'GET' && c.url.includes('/api/labour/vacancies'));

beforeEach(() => saveSession(sessionFor(['worker'])));

describe('找工作 page', () => {
  it('when the worker opens it, then each vacancy shows its wage, places left, and what the firm provides', async () => {
    installFakeApi({ 'GET /api/labour/vacancies': { status: 200, body: { items: [vacancy()] } } });
    render(<VacanciesPage />);
    await flush();
    expect(screen.getByText('电子厂普工 · 余姚舜宇光学')).toBeTruthy();
    expect(screen.getByText('月薪 4500–6000 元 · 招 4 人')).toBeTruthy();
    expect(screen.getByText('包住 · 包吃 · 可乘企业包车返岗')).toBeTruthy();
  });

  it('when the worker picks an industry and a lowest wage, then the search asks for exactly those', async () => {
    const api = installFakeApi({
      'GET /api/labour/vacancies': { status: 200, body: { items: [vacancy()] } },
    });
    render(<VacanciesPage />);
    await flush();
    fireEvent.click(screen.getByText('纺织业'));
    await flush();
    fireEvent.change(screen.getByPlaceholderText('如 5000'), { target: { value: '5500' } });
    fireEvent.click(screen.getByText('按工资筛选'));
    await flush();
    const last = searches(api.calls).at(-1)!.url;
    expect(last).toContain(`industry=${encodeURIComponent('纺织业')}`);
    expect(last).toContain('wage=5500');
  });

  it('when the worker opens 农民工专区, then only vacancies needing no certificate are asked for', async () => {
    const api = installFakeApi({ 'GET /api/labour/vacancies': { status: 200, body: { items: [] } } });
    render(<VacanciesPage />);
    await flush();
    expect(screen.getByText('暂时没有符合条件的岗位')).toBeTruthy();
    fireEvent.click(screen.getByText('农民工专区（无需证书）'));
    await flush();
    expect(searches(api.calls).at(-1)!.url).toContain('noCertificate=true');
  });

  it('when the worker taps 投递, then the application is sent for that vacancy and the button says 已投递', async () => {
    const api = installFakeApi({
      'GET /api/labour/vacancies': { status: 200, body: { items: [vacancy()] } },
      'POST /api/labour/applications': { status: 201, body: {} },
    });
    render(<VacanciesPage />);
    await flush();
    fireEvent.click(screen.getByText('投递'));
    await flush();
    expect(api.calls.find((c) => c.method === 'POST')?.data).toEqual({ vacancyId: vacancy().id, note: '' });
    expect(screen.getByText('已投递')).toBeTruthy();
  });

  it('when the worker has not registered as a job seeker, then 投递 takes them to 求职登记', async () => {
    installFakeApi({
      'GET /api/labour/vacancies': { status: 200, body: { items: [vacancy()] } },
      'POST /api/labour/applications': apiError(422, 'BUSINESS_RULE', '请先完成求职登记', {
        reason: 'not_registered',
      }),
    });
    render(<VacanciesPage />);
    await flush();
    fireEvent.click(screen.getByText('投递'));
    await flush();
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/labour/pages/seeker/index' });
  });
});
