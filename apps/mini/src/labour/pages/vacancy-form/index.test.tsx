import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { divisionsReply } from '../../../../test-support/fixtures';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { FIRM_A, FIRM_B, vacancy } from '../../../../test-support/labour-fixtures';
import { setRouterParams } from '../../../../test-support/taro';
import { saveSession } from '../../../services/session-vault';
import { wgs84ToGcj02 } from '@fugong/domain';
import VacancyFormPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 4; i += 1) await Promise.resolve();
  });
const fill = (placeholder: string, value: string) =>
  fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } });
const twoFirms = {
  status: 200,
  body: {
    items: [
      { id: FIRM_A, name: '余姚舜宇光学' },
      { id: FIRM_B, name: '慈溪电器厂' },
    ],
  },
};

/** Fills the position, pay and county of a posting. */
async function fillJobAndCounty() {
  fill('如 电子厂普工', '注塑工');
  fill('如 制造业', '制造业');
  fill('人数', '10');
  fill('如 4500', '5000');
  fill('如 6000', '6500');
  fireEvent.click(screen.getByText('请选择省、市、县（区）'));
  for (const name of ['贵州省', '贵阳市', '南明区']) {
    await flush();
    fireEvent.click(screen.getByText(name));
  }
  await flush();
}

/** Fills everything a posting needs except the firm. */
async function fillPosting() {
  await fillJobAndCounty();
  fill('如 余姚市阳明街道光电路 8 号', '贵阳市南明区工业园 3 号');
  fireEvent.click(screen.getByText('定位工作地点（用于按距离推荐）'));
  await flush();
  fireEvent.click(screen.getByText('两班倒'));
  fireEvent.click(screen.getByText('全日制'));
  fireEvent.click(screen.getByRole('switch', { name: '提供住宿' }));
}

beforeEach(() => {
  saveSession(sessionFor(['hr_agency']));
  Object.assign(Taro, {
    navigateBack: jest.fn(async () => ({})),
    getLocation: jest.fn(async () => ({ latitude: 26.57, longitude: 106.71 })),
  });
});

describe('发布空岗 page', () => {
  it('when an agency serving two firms posts without choosing one, then it is asked to, and nothing is sent', async () => {
    const api = installFakeApi({ 'GET /api/labour/firms': twoFirms, 'GET /api/divisions': divisionsReply });
    render(<VacancyFormPage />);
    await flush();
    await fillPosting();
    fireEvent.click(screen.getByText('免费发布'));
    await flush();
    expect(screen.getByText('请选择为哪家企业招工')).toBeTruthy();
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('when the agency picks the firm, then the posting is sent in that firm’s name with typed numbers and the map point', async () => {
    const api = installFakeApi({
      'GET /api/labour/firms': twoFirms,
      'GET /api/divisions': divisionsReply,
      'POST /api/labour/vacancies': { status: 201, body: vacancy() },
    });
    render(<VacancyFormPage />);
    await flush();
    fireEvent.click(screen.getByText('慈溪电器厂'));
    await fillPosting();
    fireEvent.click(screen.getByText('免费发布'));
    await flush();
    expect(api.calls.find((c) => c.method === 'POST')?.data).toMatchObject({
      enterpriseId: FIRM_B,
      position: '注塑工',
      headcount: 10,
      wageMin: 5000,
      wageMax: 6500,
      place: { regionCode: '520102', point: { lat: 26.57, lng: 106.71 } },
      shifts: ['two_shift'],
      contractKind: 'full_time',
      accommodation: true,
    });
    expect(Taro.navigateBack).toHaveBeenCalled();
  });

  it("in WeChat, when the work place is picked on the map, then its GCJ-02 point is sent as WGS-84 and an empty address takes the map's", async () => {
    const env = process.env.TARO_ENV;
    process.env.TARO_ENV = 'weapp';
    try {
      const onMap = wgs84ToGcj02({ lat: 26.57, lng: 106.71 });
      Object.assign(Taro, {
        chooseLocation: jest.fn(async () => ({
          name: '南明工业园',
          address: '贵州省贵阳市南明区工业园 3 号',
          latitude: onMap.lat,
          longitude: onMap.lng,
        })),
      });
      const api = installFakeApi({
        'GET /api/labour/firms': { status: 200, body: { items: [{ id: FIRM_A, name: '余姚舜宇光学' }] } },
        'GET /api/divisions': divisionsReply,
        'POST /api/labour/vacancies': { status: 201, body: vacancy() },
      });
      render(<VacancyFormPage />);
      await flush();
      fireEvent.click(screen.getByText('在地图上选工作地点（用于按距离推荐）'));
      await flush();
      expect(screen.getByText('已选：南明工业园')).toBeTruthy();
      const body = () =>
        api.calls.find((c) => c.method === 'POST')?.data as {
          place: { address: string; point: { lat: number; lng: number } };
        };
      await fillJobAndCounty();
      fireEvent.click(screen.getByText('两班倒'));
      fireEvent.click(screen.getByText('全日制'));
      fireEvent.click(screen.getByText('免费发布'));
      await flush();
      expect(body().place.address).toBe('贵州省贵阳市南明区工业园 3 号');
      expect(body().place.point.lat).toBeCloseTo(26.57, 5);
      expect(body().place.point.lng).toBeCloseTo(106.71, 5);
      expect(Taro.getLocation).not.toHaveBeenCalled();
    } finally {
      process.env.TARO_ENV = env;
    }
  });

  it("in the browser, when there is no map to pick on, then only the phone's position is offered", async () => {
    installFakeApi({ 'GET /api/labour/firms': twoFirms, 'GET /api/divisions': divisionsReply });
    render(<VacancyFormPage />);
    await flush();
    expect(screen.queryByText(/在地图上选/)).toBeNull();
    fireEvent.click(screen.getByText('定位工作地点（用于按距离推荐）'));
    await flush();
    expect(Taro.getLocation).toHaveBeenCalledWith({ type: 'wgs84' });
    expect(screen.getByText('已定位工作地点（重新定位）')).toBeTruthy();
  });

  it('when a posted vacancy is edited, then the form opens filled and the whole posting is restated', async () => {
    setRouterParams({ id: vacancy().id });
    const api = installFakeApi({
      'GET /api/labour/firms': twoFirms,
      [`GET /api/labour/vacancies/${vacancy().id}`]: { status: 200, body: vacancy() },
      [`PUT /api/labour/vacancies/${vacancy().id}`]: { status: 200, body: vacancy({ wageMax: 7000 }) },
      'GET /api/divisions': divisionsReply,
    });
    render(<VacancyFormPage />);
    await flush();
    expect(screen.queryByText('慈溪电器厂')).toBeNull();
    fill('如 6000', '7000');
    fireEvent.click(screen.getByText('保存修改'));
    await flush();
    const put = api.calls.find((c) => c.method === 'PUT');
    expect(put?.data).toMatchObject({ position: '电子厂普工', wageMin: 4500, wageMax: 7000, headcount: 5 });
    expect(put?.data).not.toHaveProperty('enterpriseId');
  });
});
