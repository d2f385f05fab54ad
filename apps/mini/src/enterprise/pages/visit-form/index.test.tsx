import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setRouterParams } from '../../../../test-support/taro';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { saveSession } from '../../../services/session-vault';
import VisitFormPage from './index';

const FIRM = '64b7f0c2a1b2c3d4e5f60799';

async function settle(): Promise<void> {
  await act(async () => {
    await jest.runAllTimersAsync();
  });
}

function fillVisit(): void {
  fireEvent.change(screen.getByPlaceholderText('如 车间、食堂、宿舍'), { target: { value: '一号车间' } });
  for (const chip of screen.getAllByText('达标')) fireEvent.click(chip);
  fireEvent.click(screen.getAllByText('不达标')[8]); // 防疫物资保障
  fireEvent.change(screen.getByPlaceholderText('防疫物资保障：存在的问题'), {
    target: { value: '口罩只够两天' },
  });
  fireEvent.click(screen.getAllByText('防疫物资')[0]);
  fireEvent.change(screen.getByPlaceholderText('问题描述'), { target: { value: '口罩只够两天，需要调剂' } });
  fireEvent.click(screen.getByText('添加问题'));
}

beforeEach(() => {
  jest.useFakeTimers();
  saveSession(sessionFor(['steward']));
  setRouterParams({ enterpriseId: FIRM });
  Object.assign(Taro, { navigateBack: jest.fn(async () => ({ errMsg: 'navigateBack:ok' })) });
});
afterEach(() => jest.useRealTimers());

describe('记录走访 page', () => {
  it('when the network drops on submit, then the draft stays on the phone, reopening restores it, and the retry reuses the same key', async () => {
    const api = installFakeApi({
      'POST /api/visits': [
        { fail: 'network' },
        { fail: 'network' },
        { fail: 'network' },
        { status: 201, body: { id: 'v1' } },
      ],
    });
    const first = render(<VisitFormPage />);
    fillVisit();
    fireEvent.click(screen.getByText('提交走访记录'));
    await settle();
    expect(screen.getByText('网络不给力，草稿已保存在手机上，恢复网络后再点提交')).toBeTruthy();
    first.unmount();

    render(<VisitFormPage />);
    expect((screen.getByPlaceholderText('如 车间、食堂、宿舍') as HTMLInputElement).value).toBe('一号车间');
    expect((screen.getByPlaceholderText('防疫物资保障：存在的问题') as HTMLInputElement).value).toBe(
      '口罩只够两天',
    );
    expect(screen.getByText('【防疫物资】口罩只够两天，需要调剂')).toBeTruthy();

    fireEvent.click(screen.getByText('提交走访记录'));
    await settle();
    const posts = api.calls.filter((c) => c.path === '/api/visits');
    expect(posts).toHaveLength(4);
    expect(new Set(posts.map((c) => c.header['Idempotency-Key'])).size).toBe(1);
    const body = posts[3].data as { checklist: { key: string; status: string }[]; problems: unknown[] };
    expect(body.checklist).toHaveLength(11);
    expect(body.checklist.find((c) => c.key === 'supplies')?.status).toBe('not_met');
    expect(body.problems).toHaveLength(1);
    expect(Taro.getStorageSync(`visit-draft:${FIRM}`)).toBe('');
    expect(Taro.navigateBack).toHaveBeenCalled();
  });

  it('when a checklist item is left unanswered, then the page names it and sends nothing', async () => {
    const api = installFakeApi({});
    render(<VisitFormPage />);
    fireEvent.change(screen.getByPlaceholderText('如 车间、食堂、宿舍'), { target: { value: '食堂' } });
    fireEvent.click(screen.getByText('提交走访记录'));
    await settle();
    expect(screen.getByText(/请完成检查项「防控机制到位」/)).toBeTruthy();
    expect(api.calls).toHaveLength(0);
  });

  it('when the server refuses the visit time, then its Chinese message is shown and the draft is kept', async () => {
    installFakeApi({
      'POST /api/visits': {
        status: 422,
        body: { error: { code: 'VISIT_TIME_INVALID', message: '走访记录最多补录 48 小时内的' } },
      },
    });
    render(<VisitFormPage />);
    fillVisit();
    fireEvent.click(screen.getByText('提交走访记录'));
    await settle();
    expect(screen.getByText('走访记录最多补录 48 小时内的')).toBeTruthy();
    expect(Taro.getStorageSync(`visit-draft:${FIRM}`)).not.toBe('');
  });

  it('when the steward allows location, then the coordinates go with the visit', async () => {
    const api = installFakeApi({ 'POST /api/visits': { status: 201, body: { id: 'v2' } } });
    Object.assign(Taro, { getLocation: jest.fn(async () => ({ latitude: 30.0437, longitude: 121.1546 })) });
    render(<VisitFormPage />);
    fireEvent.click(screen.getByText('点此记录当前位置（可选）'));
    await settle();
    expect(screen.getByText('已定位 30.0437, 121.1546')).toBeTruthy();
    fillVisit();
    fireEvent.click(screen.getByText('提交走访记录'));
    await settle();
    expect((api.calls[0].data as { location: unknown }).location).toEqual({ lat: 30.0437, lng: 121.1546 });
  });
});
