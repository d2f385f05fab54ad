import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { saveSession } from '../../../services/session-vault';
import PeoplePage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 6; i += 1) await Promise.resolve();
  });

const PERSON = {
  id: '65f0a1b2c3d4e5f6a7b8c9d1',
  name: '王管家',
  phoneMasked: '139****0001',
  idNumberMasked: null,
  homeRegion: null,
  enterprise: null,
  roles: ['worker'],
  complete: false,
};

/** Opens the console and finds PERSON by phone; the grant answers with `granted` roles. */
async function findPerson(granted: string[]) {
  const api = installFakeApi({
    'GET /api/admin/users': { status: 200, body: PERSON },
    [`PUT /api/admin/users/${PERSON.id}/roles`]: { status: 200, body: { ...PERSON, roles: granted } },
  });
  render(<PeoplePage />);
  await flush();
  fireEvent.change(document.querySelector('input[name="phone"]')!, { target: { value: '13900000001' } });
  fireEvent.click(screen.getByText('查找'));
  await flush();
  return api.calls;
}

describe('people and roles console page', () => {
  beforeEach(() => saveSession(sessionFor(['admin'])));

  it('when the command finds a person by phone and grants 复工管家, then the masked phone shows and the grant is sent with the roles chosen', async () => {
    const calls = await findPerson(['worker', 'steward']);
    expect(screen.getByText('139****0001')).toBeTruthy();
    expect(screen.queryByText('13900000001')).toBeNull();
    fireEvent.click(screen.getByText('复工管家'));
    fireEvent.click(screen.getByText('保存角色'));
    await flush();
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.data).toEqual({ roles: ['worker', 'steward'], enterpriseId: null, departmentId: null });
  });

  it('when the command grants 热线话务员, then the role is offered and sent without a department or firm', async () => {
    const calls = await findPerson(['worker', 'hotline_operator']);
    fireEvent.click(screen.getByText('热线话务员'));
    fireEvent.click(screen.getByText('保存角色'));
    await flush();
    expect(calls.find((c) => c.method === 'PUT')?.data).toEqual({
      roles: ['worker', 'hotline_operator'],
      enterpriseId: null,
      departmentId: null,
    });
  });

  it('when the command has a sheet of people to grant, then 批量授权 opens from this page', async () => {
    installFakeApi({});
    render(<PeoplePage />);
    await flush();
    fireEvent.click(screen.getByText('批量授权（上传表格）'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/pages/bulk-grant/index' });
  });
});
