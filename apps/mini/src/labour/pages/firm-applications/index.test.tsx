import { act, fireEvent, render, screen } from '@testing-library/react';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { application } from '../../../../test-support/labour-fixtures';
import { setRouterParams } from '../../../../test-support/taro';
import { saveSession } from '../../../services/session-vault';
import FirmApplicationsPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 4; i += 1) await Promise.resolve();
  });
const A = application().id;
const list = (status: Parameters<typeof application>[0]) => ({
  status: 200,
  body: { items: [application(status)] },
});

beforeEach(() => {
  saveSession(sessionFor(['liaison']));
  setRouterParams({ vacancyId: application().vacancyId });
});

describe('投递与录用 page', () => {
  it('when the liaison opens a vacancy’s applications, then it sees each applicant with a masked phone and their pass colour', async () => {
    const api = installFakeApi({ 'GET /api/labour/applications': list({}) });
    render(<FirmApplicationsPage />);
    await flush();
    expect(screen.getByText('李春燕 · 电子厂普工')).toBeTruthy();
    expect(screen.getByText('已投递 · 电话 138****0001 · 绿码')).toBeTruthy();
    expect(api.calls[0].url).toContain(`vacancyId=${application().vacancyId}`);
  });

  it('when the liaison passes the first screening, then 初选 is sent for that application', async () => {
    const api = installFakeApi({
      'GET /api/labour/applications': list({}),
      [`POST /api/labour/applications/${A}/shortlist`]: {
        status: 200,
        body: application({ status: 'shortlisted' }),
      },
    });
    render(<FirmApplicationsPage />);
    await flush();
    fireEvent.click(screen.getByText('初选通过'));
    await flush();
    expect(api.calls.some((c) => c.method === 'POST' && c.path.endsWith(`/${A}/shortlist`))).toBe(true);
  });

  it('when the liaison arranges a video interview, then its China-time slot and link are sent', async () => {
    const api = installFakeApi({
      'GET /api/labour/applications': list({ status: 'shortlisted' }),
      [`POST /api/labour/applications/${A}/interview`]: {
        status: 200,
        body: application({ status: 'interview' }),
      },
    });
    render(<FirmApplicationsPage />);
    await flush();
    fireEvent.click(screen.getByText('安排面试'));
    fireEvent.change(screen.getByPlaceholderText('面试时间，如 2026-03-10 14:00'), {
      target: { value: '2026-03-10 14:00' },
    });
    fireEvent.change(screen.getByPlaceholderText('视频会议链接 https://…'), {
      target: { value: 'https://meeting.example.cn/r/1' },
    });
    fireEvent.click(screen.getByText('发送面试安排'));
    await flush();
    expect(api.calls.find((c) => c.method === 'POST')?.data).toEqual({
      mode: 'video',
      at: '2026-03-10T14:00:00+08:00',
      link: 'https://meeting.example.cn/r/1',
    });
  });

  it('when the offer has no contract length, then the field says so and no offer is sent', async () => {
    const api = installFakeApi({ 'GET /api/labour/applications': list({ status: 'interview' }) });
    render(<FirmApplicationsPage />);
    await flush();
    fireEvent.click(screen.getByText('发出录用', { selector: 'button' }));
    fireEvent.change(screen.getByLabelText('请选择到岗日期'), { target: { value: '2099-03-20' } });
    fireEvent.change(screen.getByPlaceholderText('月薪（元）'), { target: { value: '5200' } });
    fireEvent.click(screen.getAllByText('发出录用', { selector: 'button' }).at(-1)!);
    await flush();
    expect(screen.getByText('合同期限至少 1 个月')).toBeTruthy();
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('when a hired worker has arrived, then 确认到岗 is sent', async () => {
    const api = installFakeApi({
      'GET /api/labour/applications': list({ status: 'accepted' }),
      [`POST /api/labour/applications/${A}/arrive`]: {
        status: 200,
        body: application({ status: 'arrived' }),
      },
    });
    render(<FirmApplicationsPage />);
    await flush();
    fireEvent.click(screen.getByText('确认到岗'));
    await flush();
    expect(api.calls.some((c) => c.method === 'POST' && c.path.endsWith(`/${A}/arrive`))).toBe(true);
  });
});
