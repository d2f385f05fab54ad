import { act, fireEvent, render, screen } from '@testing-library/react';
import { apiError, installFakeApi, sessionFor } from '../../../test-support/fake-api';
import { saveSession } from '../../services/session-vault';
import ProfilePage, { homeRegionOf } from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 6; i += 1) await Promise.resolve();
  });
const PROFILE = {
  id: '64b7f0c2a1b2c3d4e5f60718',
  name: '张建国',
  phoneMasked: '138****0001',
  idNumberMasked: '520102********123X',
  homeRegion: { province: '520000', city: '520100', county: '520102' },
  enterprise: null,
  roles: ['worker'],
  complete: true,
};

describe('profile page', () => {
  beforeEach(() => saveSession(sessionFor(['worker'])));

  it('when a county code is typed, then its city and province follow from it', () => {
    expect(homeRegionOf('520102')).toEqual({ province: '520000', city: '520100', county: '520102' });
  });

  it('when the ID number has a wrong check character, then the phone says so and sends nothing', async () => {
    const { calls } = installFakeApi({ 'GET /api/profile': { status: 200, body: PROFILE } });
    render(<ProfilePage />);
    await flush();
    expect(screen.getByText('身份证号：520102********123X')).toBeTruthy();
    fireEvent.change(screen.getByPlaceholderText('不改请留空（已登记）'), {
      target: { value: '520102199001011231' },
    });
    fireEvent.click(screen.getByText('保存'));
    await flush();
    expect(screen.getByText('身份证号码不正确（校验位不符）')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
  });

  it('when the server says the ID number belongs to another account, then that message is shown', async () => {
    installFakeApi({
      'GET /api/profile': { status: 200, body: PROFILE },
      'PUT /api/profile': apiError(409, 'CONFLICT', '该身份证号已被其他账号登记，如有疑问请联系管理员'),
    });
    render(<ProfilePage />);
    await flush();
    fireEvent.change(screen.getByPlaceholderText('不改请留空（已登记）'), {
      target: { value: '52010219900101123X' },
    });
    fireEvent.click(screen.getByText('保存'));
    await flush();
    expect(screen.getByText(/已被其他账号登记/)).toBeTruthy();
  });

  it('when a worker saves without retyping the ID number, then it is left out and the one on file is kept', async () => {
    const { calls } = installFakeApi({
      'GET /api/profile': { status: 200, body: PROFILE },
      'PUT /api/profile': { status: 200, body: PROFILE },
    });
    render(<ProfilePage />);
    await flush();
    fireEvent.click(screen.getByText('保存'));
    await flush();
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.data).toEqual({
      name: '张建国',
      homeRegion: { province: '520000', city: '520100', county: '520102' },
      enterpriseId: null,
    });
    expect(screen.queryByText(/校验位不符/)).toBeNull();
  });
});
