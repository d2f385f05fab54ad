import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { seekerCard, vacancy } from '../../../../test-support/labour-fixtures';
import { setRouterParams } from '../../../../test-support/taro';
import { saveSession } from '../../../services/session-vault';
import VacancyCandidatesPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 4; i += 1) await Promise.resolve();
  });
const V = vacancy().id;
const ROUTE = 'GET /api/labour/seekers';

beforeEach(() => {
  saveSession(sessionFor(['liaison']));
  setRouterParams({ vacancyId: V });
});

describe('匹配人选 page', () => {
  it('when seekers fit the vacancy, then each shows masked with what they want, and the pass colour only where they consented', async () => {
    const api = installFakeApi({
      [ROUTE]: {
        status: 200,
        body: {
          items: [
            seekerCard(),
            seekerCard({ id: '64b7f0c2a1b2c3d4e5f60c02', displayName: '王**', passColour: null }),
          ],
        },
      },
    });
    render(<VacancyCandidatesPage />);
    await flush();
    expect(api.calls.some((c) => c.method === 'GET' && c.url.includes(`vacancyId=${V}`))).toBe(true);
    expect(screen.getByText('李** · 匹配度 86')).toBeTruthy();
    expect(screen.getByText('期望月薪 5000 元 · 2026-03-10 起可到岗 · 通行码 绿码')).toBeTruthy();
    expect(screen.getByText('期望月薪 5000 元 · 2026-03-10 起可到岗 · 未公开健康码')).toBeTruthy();
    expect(screen.getAllByText('尚未投递本岗位')).toHaveLength(2);
  });

  it('when a candidate has applied, then the liaison is sent to that vacancy’s applications to reach them', async () => {
    installFakeApi({ [ROUTE]: { status: 200, body: { items: [seekerCard({ applied: true })] } } });
    render(<VacancyCandidatesPage />);
    await flush();
    fireEvent.click(screen.getByText('已投递，去处理'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: `/labour/pages/firm-applications/index?vacancyId=${V}`,
    });
  });

  it('when nobody fits yet, then the page says so', async () => {
    installFakeApi({ [ROUTE]: { status: 200, body: { items: [] } } });
    render(<VacancyCandidatesPage />);
    await flush();
    expect(screen.getByText('暂时没有符合该岗位的求职者')).toBeTruthy();
  });
});
