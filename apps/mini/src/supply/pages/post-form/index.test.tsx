import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { divisionsReply } from '../../../../test-support/fixtures';
import { apiError, installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { OWN_FIRM, supplyPost } from '../../../../test-support/supply-fixtures';
import { saveSession } from '../../../services/session-vault';
import SupplyPostFormPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 4; i += 1) await Promise.resolve();
  });
const fill = (placeholder: string, value: string) =>
  fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } });
const pickDay = (label: string, day: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value: day } });

async function fillPost() {
  fireEvent.click(screen.getByText('需求'));
  fireEvent.click(screen.getByText('原材料'));
  fill('如 聚丙烯颗粒、注塑模具', '聚丙烯颗粒');
  fill('数量', '20.5');
  fill('如 吨、件、台、车次', '吨');
  fireEvent.click(screen.getByText('请选择省、市、县（区）'));
  for (const name of ['贵州省', '贵阳市', '南明区']) {
    await flush();
    fireEvent.click(screen.getByText(name));
  }
  await flush();
  fireEvent.click(screen.getByText('定位所在地点（用于按距离匹配）'));
  await flush();
  pickDay('请选择开始日期', '2026-03-01');
  pickDay('请选择截止日期', '2026-03-31');
  fill('姓名', '王经理');
  fill('手机号', '13800000002');
}

beforeEach(() => {
  const session = sessionFor(['liaison']);
  saveSession({ ...session, user: { ...session.user, enterpriseId: OWN_FIRM } });
  Object.assign(Taro, {
    navigateBack: jest.fn(async () => ({})),
    getLocation: jest.fn(async () => ({ latitude: 26.57, longitude: 106.71 })),
  });
});

describe('发布供需 page', () => {
  it('when the liaison fills the form, then the post is sent with the picked region, the phone’s point, typed numbers and the days', async () => {
    const api = installFakeApi({
      'GET /api/divisions': divisionsReply,
      'POST /api/supply-posts': { status: 201, body: supplyPost() },
    });
    render(<SupplyPostFormPage />);
    expect(screen.getByPlaceholderText('数量').getAttribute('data-keyboard')).toBe('digit');
    await fillPost();
    fireEvent.click(screen.getByText('发布'));
    await flush();
    const post = api.calls.find((c) => c.method === 'POST');
    expect(post?.path).toBe('/api/supply-posts');
    expect(post?.data).toEqual({
      side: 'demand',
      category: 'raw_materials',
      title: '聚丙烯颗粒',
      quantity: 20.5,
      unit: '吨',
      regionCode: '520102',
      point: { lat: 26.57, lng: 106.71 },
      availableFrom: '2026-03-01',
      availableUntil: '2026-03-31',
      contact: { name: '王经理', phone: '13800000002' },
    });
    expect(post?.header['Idempotency-Key']).toBeTruthy();
    expect(Taro.getLocation).toHaveBeenCalledWith({ type: 'wgs84' });
    expect(Taro.navigateBack).toHaveBeenCalled();
  });

  it('when the form is sent empty, then each field says what is missing and nothing is sent', async () => {
    const api = installFakeApi({ 'GET /api/divisions': divisionsReply });
    render(<SupplyPostFormPage />);
    fireEvent.click(screen.getByText('发布'));
    await flush();
    expect(screen.getByText('请选择供应或需求')).toBeTruthy();
    expect(screen.getByText('请选择类别')).toBeTruthy();
    expect(screen.getByText('请填写数量')).toBeTruthy();
    expect(screen.getByText('请定位所在地点')).toBeTruthy();
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('when the server refuses a day that has passed, then its message shows under 截止日期, once', async () => {
    const reason = '截止日期已过，请填写今天或以后的日期';
    installFakeApi({
      'GET /api/divisions': divisionsReply,
      'POST /api/supply-posts': apiError(400, 'VALIDATION_ERROR', reason, [
        { path: 'availableUntil', message: reason },
      ]),
    });
    render(<SupplyPostFormPage />);
    await fillPost();
    fireEvent.click(screen.getByText('发布'));
    await flush();
    const shown = screen.getAllByText(reason);
    expect(shown).toHaveLength(1);
    // Right after the 截止日期 wheel: the person sees which field to change.
    expect(shown[0].previousElementSibling?.textContent).toContain('2026-03-31');
    expect(Taro.navigateBack).not.toHaveBeenCalled();
  });
});
