import { act, fireEvent, render, screen } from '@testing-library/react';
import { apiError, installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { FIRM_A, FIRM_B } from '../../../../test-support/labour-fixtures';
import { saveSession } from '../../../services/session-vault';
import AgencyGrantPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 6; i += 1) await Promise.resolve();
  });
const fill = (placeholder: string, value: string) =>
  fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } });
const AGENCY = '64b7f0c2a1b2c3d4e5f60c01';
const account = {
  userId: AGENCY,
  phoneMasked: '139****0011',
  isAgency: true,
  name: '余姚人力资源服务公司',
  enterprises: [{ id: FIRM_A, name: '余姚舜宇光学' }],
};

beforeEach(() => saveSession({ ...sessionFor(['officer']) }));

async function findAgency() {
  render(<AgencyGrantPage />);
  fill('11 位手机号', '13900000011');
  fireEvent.click(screen.getByText('查找'));
  await flush();
}

describe('人力资源服务机构 page (人社局)', () => {
  it('when 人社局 finds the agency, adds a registry firm and takes one off, then the new list is saved under the agency’s account', async () => {
    const api = installFakeApi({
      'GET /api/labour/agencies': { status: 200, body: account },
      'GET /api/enterprises/directory': {
        status: 200,
        body: { items: [{ id: FIRM_B, name: '慈溪模具厂', regionCode: '330282' }] },
      },
      [`PUT /api/labour/agencies/${AGENCY}`]: {
        status: 200,
        body: { userId: AGENCY, name: '余姚人力资源服务公司', enterpriseIds: [FIRM_B] },
      },
    });
    await findAgency();
    expect(api.calls[0].url).toContain('phone=13900000011');
    expect(screen.getByText('账号 139****0011')).toBeTruthy();
    expect(screen.getByText('代理的企业（1 家）')).toBeTruthy();
    fill('输入企业名称关键字', '慈溪');
    fireEvent.click(screen.getByText('查找企业'));
    await flush();
    fireEvent.click(screen.getByText('添加 慈溪模具厂'));
    fireEvent.click(screen.getByText('移除 余姚舜宇光学'));
    expect(screen.getByText('代理的企业（1 家）')).toBeTruthy();
    fireEvent.click(screen.getByText('保存代理企业'));
    await flush();
    const put = api.calls.find((c) => c.method === 'PUT');
    expect(put?.path).toBe(`/api/labour/agencies/${AGENCY}`);
    expect(put?.data).toEqual({ name: '余姚人力资源服务公司', enterpriseIds: [FIRM_B] });
  });

  it('when the account has no agency role yet, then the page says so and does not offer to save', async () => {
    const api = installFakeApi({
      'GET /api/labour/agencies': {
        status: 200,
        body: { ...account, isAgency: false, name: null, enterprises: [] },
      },
    });
    await findAgency();
    expect(screen.getByText('该账号还不是人力资源服务机构，请先由指挥部授予角色')).toBeTruthy();
    fireEvent.click(screen.getByText('保存代理企业'));
    await flush();
    expect(api.calls.some((c) => c.method === 'PUT')).toBe(false);
  });

  it('when the name is left empty, then the page asks for it and sends nothing', async () => {
    const api = installFakeApi({
      'GET /api/labour/agencies': { status: 200, body: { ...account, name: null } },
    });
    await findAgency();
    fireEvent.click(screen.getByText('保存代理企业'));
    await flush();
    expect(screen.getByText('请填写机构名称')).toBeTruthy();
    expect(api.calls.some((c) => c.method === 'PUT')).toBe(false);
  });

  it('when no account signs in with that phone, then no account form appears', async () => {
    installFakeApi({ 'GET /api/labour/agencies': apiError(404, 'NOT_FOUND', '未找到该手机号的账号') });
    await findAgency();
    expect(screen.queryByText('保存代理企业')).toBeNull();
  });
});
