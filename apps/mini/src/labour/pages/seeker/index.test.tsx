import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { divisionsReply } from '../../../../test-support/fixtures';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { saveSession } from '../../../services/session-vault';
import SeekerPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 4; i += 1) await Promise.resolve();
  });
const fill = (placeholder: string, value: string) =>
  fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } });
const saved = {
  id: '64b7f0c2a1b2c3d4e5f60c01',
  name: '李春燕',
  idNumber: null,
  phone: '138****0001',
  wantedIndustries: ['制造业'],
  wantedPositions: ['普工'],
  homeRegionCode: '520102',
  willingRegionCodes: [],
  homePoint: null,
  expectedWage: 5000,
  availableFrom: '2026-03-10',
  skills: ['叉车'],
  certificates: [],
  trainingWishes: [],
  showPassColour: false,
  registeredAt: '2026-03-01T02:00:00.000Z',
};

beforeEach(() => {
  saveSession(sessionFor(['worker']));
  Object.assign(Taro, { navigateBack: jest.fn(async () => ({})) });
});

describe('求职登记 page', () => {
  it('when a worker registers, then their wishes are sent as lists and the wage as a number', async () => {
    const api = installFakeApi({
      'GET /api/labour/seeker': { status: 200, body: { seeker: null } },
      'PUT /api/labour/seeker': { status: 200, body: saved },
      'GET /api/divisions': divisionsReply,
    });
    render(<SeekerPage />);
    await flush();
    expect(screen.getByText('求职登记', { selector: '.w-card__title' })).toBeTruthy();
    fill('请输入姓名', '李春燕');
    fireEvent.click(screen.getByText('制造业'));
    fill('如 普工、电焊工，用顿号隔开', '普工、电焊工');
    fireEvent.click(screen.getByText('请选择省、市、县（区）'));
    for (const name of ['贵州省', '贵阳市', '南明区']) {
      await flush();
      fireEvent.click(screen.getByText(name));
    }
    await flush();
    fill('如 5000', '5200');
    fireEvent.change(screen.getByLabelText('请选择日期'), { target: { value: '2026-03-10' } });
    fill('如 叉车、缝纫', '叉车，缝纫');
    fireEvent.click(screen.getByRole('switch', { name: '向招聘企业展示我的健康码颜色' }));
    fireEvent.click(screen.getByText('保存求职登记'));
    await flush();
    expect(api.calls.find((c) => c.method === 'PUT')?.data).toMatchObject({
      name: '李春燕',
      wantedIndustries: ['制造业'],
      wantedPositions: ['普工', '电焊工'],
      homeRegionCode: '520102',
      expectedWage: 5200,
      availableFrom: '2026-03-10',
      skills: ['叉车', '缝纫'],
      showPassColour: true,
    });
    expect(Taro.navigateBack).toHaveBeenCalled();
  });

  it('when the worker has registered before, then the form opens with their record to edit', async () => {
    installFakeApi({
      'GET /api/labour/seeker': { status: 200, body: { seeker: saved } },
      'GET /api/divisions': divisionsReply,
    });
    render(<SeekerPage />);
    await flush();
    expect(screen.getByText('修改求职登记')).toBeTruthy();
    expect((screen.getByPlaceholderText('请输入姓名') as HTMLInputElement).value).toBe('李春燕');
    expect((screen.getByPlaceholderText('如 5000') as HTMLInputElement).value).toBe('5000');
  });

  it('when no industry is chosen, then the form says so and nothing is sent', async () => {
    const api = installFakeApi({ 'GET /api/labour/seeker': { status: 200, body: { seeker: null } } });
    render(<SeekerPage />);
    await flush();
    fill('请输入姓名', '李春燕');
    fireEvent.click(screen.getByText('保存求职登记'));
    await flush();
    expect(screen.getByText('请至少选择一个意向行业')).toBeTruthy();
    expect(api.calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
  });
});
