import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { application, sharingAgreement } from '../../../../test-support/labour-fixtures';
import { saveSession } from '../../../services/session-vault';
import MyApplicationsPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 4; i += 1) await Promise.resolve();
  });
const A = application().id;
const offered = application({
  status: 'offered',
  offer: { startDay: '2026-03-20', contractMonths: 12, socialInsurance: true, wage: 5200 },
});

beforeEach(() => saveSession(sessionFor(['worker'])));

describe('我的求职 page', () => {
  it('when an offer has come, then the worker sees its terms and accepting sends 定岗', async () => {
    const api = installFakeApi({
      'GET /api/labour/applications': { status: 200, body: { items: [offered] } },
      [`POST /api/labour/applications/${A}/accept`]: {
        status: 200,
        body: application({ status: 'accepted' }),
      },
    });
    render(<MyApplicationsPage />);
    await flush();
    expect(screen.getByText('进度：已发录用')).toBeTruthy();
    expect(screen.getByText('录用：月薪 5200 元，2026-03-20 到岗，合同 12 个月，缴纳社保')).toBeTruthy();
    fireEvent.click(screen.getByText('接受录用（定岗）'));
    await flush();
    expect(api.calls.some((c) => c.method === 'POST' && c.path.endsWith(`/${A}/accept`))).toBe(true);
  });

  it('when the worker is hired, then 查看返岗车次 opens the way there for that application; before that it is not offered', async () => {
    installFakeApi({
      'GET /api/labour/applications': {
        status: 200,
        body: { items: [application({ status: 'accepted', offer: offered.offer }), offered] },
      },
    });
    render(<MyApplicationsPage />);
    await flush();
    expect(screen.getAllByText('查看返岗车次')).toHaveLength(1);
    fireEvent.click(screen.getByText('查看返岗车次'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/labour/pages/way-there/index?id=${A}` });
  });

  it('when the worker’s employer lends them to another firm, then the arrangement shows above the applications', async () => {
    installFakeApi({
      'GET /api/labour/applications': { status: 200, body: { items: [] } },
      'GET /api/labour/sharing/lent': {
        status: 200,
        body: { items: [sharingAgreement({ status: 'agreed', workers: 1 })] },
      },
    });
    render(<MyApplicationsPage />);
    await flush();
    expect(screen.getByText('我的借调安排（劳动关系不变）')).toBeTruthy();
    expect(screen.getByText('余姚舜宇光学 → 慈溪电器厂 · 3 人')).toBeTruthy();
    expect(screen.getByText('2026-03-16 至 2026-03-31 · 原用人单位缴纳社保')).toBeTruthy();
  });

  it('when the worker has not applied anywhere, then the page offers 去找工作', async () => {
    installFakeApi({ 'GET /api/labour/applications': { status: 200, body: { items: [] } } });
    render(<MyApplicationsPage />);
    await flush();
    expect(screen.getByText('还没有投递记录')).toBeTruthy();
    expect(screen.getByText('去找工作')).toBeTruthy();
  });
});
