import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { divisionsReply } from '../../../../test-support/fixtures';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { FIRM_A, FIRM_B, sharingPost } from '../../../../test-support/labour-fixtures';
import { saveSession } from '../../../services/session-vault';
import SharingFormPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 6; i += 1) await Promise.resolve();
  });
const fill = (placeholder: string, value: string) =>
  fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } });
const pickDay = (label: string, day: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value: day } });

async function fillPost() {
  fireEvent.click(screen.getByText('缺工求借用'));
  fill('人数', '4');
  fill('如 制造业、电子装配', '制造业');
  fireEvent.click(screen.getByText('请选择省、市、县（区）'));
  for (const name of ['贵州省', '贵阳市', '南明区']) {
    await flush();
    fireEvent.click(screen.getByText(name));
  }
  await flush();
  pickDay('请选择开始日期', '2026-03-12');
  pickDay('请选择结束日期', '2026-04-30');
}

const firms = (items: { id: string; name: string }[]) => ({ status: 200, body: { items } });

beforeEach(() => {
  saveSession(sessionFor(['hr_agency']));
  Object.assign(Taro, { navigateBack: jest.fn(async () => ({})) });
});

describe('发布用工调剂 page', () => {
  it('when an agency serving two firms posts a shortage for one, then that firm, the heads, region and days are sent', async () => {
    const api = installFakeApi({
      'GET /api/divisions': divisionsReply,
      'GET /api/labour/firms': firms([
        { id: FIRM_A, name: '余姚舜宇光学' },
        { id: FIRM_B, name: '慈溪电器厂' },
      ]),
      'POST /api/labour/sharing/posts': { status: 201, body: sharingPost({ kind: 'shortage' }) },
    });
    render(<SharingFormPage />);
    await flush();
    fireEvent.click(screen.getByText('慈溪电器厂'));
    await fillPost();
    fireEvent.click(screen.getByText('发布'));
    await flush();
    const post = api.calls.find((c) => c.method === 'POST');
    expect(post?.data).toEqual({
      enterpriseId: FIRM_B,
      kind: 'shortage',
      headcount: 4,
      fromDay: '2026-03-12',
      toDay: '2026-04-30',
      industry: '制造业',
      regionCode: '520102',
      note: '',
    });
    expect(Taro.navigateBack).toHaveBeenCalled();
  });

  it('when an agency of two firms does not say which, or fields are empty, then nothing is sent', async () => {
    const api = installFakeApi({
      'GET /api/divisions': divisionsReply,
      'GET /api/labour/firms': firms([
        { id: FIRM_A, name: '余姚舜宇光学' },
        { id: FIRM_B, name: '慈溪电器厂' },
      ]),
    });
    render(<SharingFormPage />);
    await flush();
    fireEvent.click(screen.getByText('发布'));
    await flush();
    expect(screen.getByText('请选择为哪家企业发布')).toBeTruthy();
    fireEvent.click(screen.getByText('余姚舜宇光学'));
    fireEvent.click(screen.getByText('发布'));
    await flush();
    expect(screen.getByText('请选择借出或借用')).toBeTruthy();
    expect(screen.getByText('请填写人数')).toBeTruthy();
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });
});
