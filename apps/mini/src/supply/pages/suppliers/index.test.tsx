import { act, fireEvent, render, screen } from '@testing-library/react';
import { divisionsReply } from '../../../../test-support/fixtures';
import { apiError, installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { OTHER_FIRM, OWN_FIRM, supplier } from '../../../../test-support/supply-fixtures';
import { saveSession } from '../../../services/session-vault';
import SupplySuppliersPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 4; i += 1) await Promise.resolve();
  });
const fill = (placeholder: string, value: string) =>
  fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } });
const S = supplier().id;

function signIn(roles: ('liaison' | 'steward')[], enterpriseId: string | null) {
  const session = sessionFor(roles);
  saveSession({ ...session, user: { ...session.user, enterpriseId } });
}

describe('核心配套供应商 page', () => {
  it('when the lead firm’s liaison opens it, then each supplier shows its region by name, what it supplies, its reopening and the chain risk', async () => {
    signIn(['liaison'], OWN_FIRM);
    installFakeApi({
      'GET /api/divisions': divisionsReply,
      [`GET /api/supply-chain/${OWN_FIRM}/suppliers`]: {
        status: 200,
        body: {
          items: [
            supplier({ regionCode: '520102' }),
            supplier({
              id: '64b7f0c2a1b2c3d4e5f60f02',
              name: '余姚注塑件厂',
              reopened: true,
              statusSource: 'registry',
              chainRisk: false,
              coordinationIssueId: null,
            }),
          ],
        },
      },
    });
    render(<SupplySuppliersPage />);
    await flush();
    expect(screen.getByText('东莞精密模具厂')).toBeTruthy();
    expect(screen.getByText('贵州省 贵阳市 南明区')).toBeTruthy();
    expect(screen.getByText('未复工（据本企业了解）')).toBeTruthy();
    expect(screen.getByText('已复工（据其复工申报）')).toBeTruthy();
    expect(screen.getAllByText('产业链风险')).toHaveLength(1);
    expect(screen.getByText('1 家核心配套供应商未复工或情况不明，存在产业链风险')).toBeTruthy();
  });

  it('when the liaison registers a supplier elsewhere, then its name, picked region, products and what the firm heard are sent', async () => {
    signIn(['liaison'], OWN_FIRM);
    const api = installFakeApi({
      'GET /api/divisions': divisionsReply,
      [`GET /api/supply-chain/${OWN_FIRM}/suppliers`]: { status: 200, body: { items: [] } },
      'POST /api/supply-chain/suppliers': { status: 201, body: supplier() },
    });
    render(<SupplySuppliersPage />);
    await flush();
    fill('如 东莞精密模具厂', '贵阳精密模具厂');
    fireEvent.click(screen.getByText('请选择省、市、县（区）'));
    for (const name of ['贵州省', '贵阳市', '南明区']) {
      await flush();
      fireEvent.click(screen.getByText(name));
    }
    await flush();
    fill('如 注塑模具', '注塑模具');
    fireEvent.click(screen.getByText('未复工'));
    fireEvent.click(screen.getByText('登记供应商'));
    await flush();
    expect(api.calls.find((c) => c.method === 'POST')?.data).toEqual({
      name: '贵阳精密模具厂',
      regionCode: '520102',
      supplies: '注塑模具',
      enterpriseId: null,
      reportedReopened: false,
    });
  });

  it('when the supplier is found in the registry, then it is linked and its own reopening report decides, not hearsay', async () => {
    signIn(['liaison'], OWN_FIRM);
    const api = installFakeApi({
      'GET /api/divisions': divisionsReply,
      [`GET /api/supply-chain/${OWN_FIRM}/suppliers`]: { status: 200, body: { items: [] } },
      'GET /api/enterprises/directory': {
        status: 200,
        body: { items: [{ id: OTHER_FIRM, name: '贵阳注塑件厂', regionCode: '520102' }] },
      },
      'POST /api/supply-chain/suppliers': { status: 201, body: supplier() },
    });
    render(<SupplySuppliersPage />);
    await flush();
    fill('输入企业名称关键字', '注塑');
    fireEvent.click(screen.getByText('查找'));
    await flush();
    fireEvent.click(screen.getByText('贵阳注塑件厂'));
    await flush();
    expect(screen.queryByText('据了解的复工情况')).toBeNull();
    fill('如 注塑模具', '注塑外壳');
    fireEvent.click(screen.getByText('登记供应商'));
    await flush();
    expect(api.calls.find((c) => c.path === '/api/enterprises/directory')?.url).toContain(
      `q=${encodeURIComponent('注塑')}`,
    );
    expect(api.calls.find((c) => c.method === 'POST')?.data).toEqual({
      name: '贵阳注塑件厂',
      regionCode: '520102',
      supplies: '注塑外壳',
      enterpriseId: OTHER_FIRM,
      reportedReopened: null,
    });
  });

  it('when 请求协调 is sent with a note, then the coordination request goes to the server; a too-short note is refused on the phone', async () => {
    signIn(['liaison'], OWN_FIRM);
    const api = installFakeApi({
      'GET /api/divisions': divisionsReply,
      [`GET /api/supply-chain/${OWN_FIRM}/suppliers`]: [
        { status: 200, body: { items: [supplier()] } },
        { status: 200, body: { items: [supplier({ coordinationIssueId: '64b7f0c2a1b2c3d4e5f60f99' })] } },
      ],
      [`POST /api/supply-chain/suppliers/${S}/coordinate`]: {
        status: 200,
        body: supplier({ coordinationIssueId: '64b7f0c2a1b2c3d4e5f60f99' }),
      },
    });
    render(<SupplySuppliersPage />);
    await flush();
    fireEvent.click(screen.getByText('请求协调'));
    fill('如 模具厂停工，影响我司 3 月交付，请协调当地复工', '太短');
    fireEvent.click(screen.getByText('提交协调请求'));
    await flush();
    expect(screen.getByText('请至少用 5 个字说明需要协调的事项')).toBeTruthy();
    fill('如 模具厂停工，影响我司 3 月交付，请协调当地复工', '模具厂停工，影响 3 月交付');
    fireEvent.click(screen.getByText('提交协调请求'));
    await flush();
    const post = api.calls.find((c) => c.method === 'POST');
    expect(post?.path).toBe(`/api/supply-chain/suppliers/${S}/coordinate`);
    expect(post?.data).toEqual({ note: '模具厂停工，影响 3 月交付' });
    expect(screen.getByText('已请工信局协调')).toBeTruthy();
  });

  it('when the coordination was already asked for (409), then the server’s message shows', async () => {
    signIn(['liaison'], OWN_FIRM);
    installFakeApi({
      'GET /api/divisions': divisionsReply,
      [`GET /api/supply-chain/${OWN_FIRM}/suppliers`]: { status: 200, body: { items: [supplier()] } },
      [`POST /api/supply-chain/suppliers/${S}/coordinate`]: apiError(
        409,
        'INVALID_TRANSITION',
        '已提交协调请求',
      ),
    });
    render(<SupplySuppliersPage />);
    await flush();
    fireEvent.click(screen.getByText('请求协调'));
    fill('如 模具厂停工，影响我司 3 月交付，请协调当地复工', '模具厂停工，影响 3 月交付');
    fireEvent.click(screen.getByText('提交协调请求'));
    await flush();
    expect(screen.getByText('已提交协调请求')).toBeTruthy();
  });

  it('when a steward serving two firms opens it, then they pick the firm and see its suppliers, without the registration form', async () => {
    signIn(['steward'], null);
    const api = installFakeApi({
      'GET /api/divisions': divisionsReply,
      'GET /api/stewards/me/enterprises': {
        status: 200,
        body: {
          items: [
            { enterpriseId: OWN_FIRM, name: '余姚舜宇光学' },
            { enterpriseId: OTHER_FIRM, name: '慈溪电器厂' },
          ],
        },
      },
      [`GET /api/supply-chain/${OWN_FIRM}/suppliers`]: { status: 200, body: { items: [supplier()] } },
      [`GET /api/supply-chain/${OTHER_FIRM}/suppliers`]: {
        status: 200,
        body: { items: [supplier({ name: '宁波轴承厂', leadEnterpriseId: OTHER_FIRM })] },
      },
    });
    render(<SupplySuppliersPage />);
    await flush();
    await flush();
    expect(screen.getByText('东莞精密模具厂')).toBeTruthy();
    expect(screen.queryByText('登记供应商')).toBeNull();
    fireEvent.click(screen.getByText('慈溪电器厂'));
    await flush();
    expect(screen.getByText('宁波轴承厂')).toBeTruthy();
    expect(api.calls.filter((c) => c.path.endsWith('/suppliers')).map((c) => c.path)).toEqual([
      `/api/supply-chain/${OWN_FIRM}/suppliers`,
      `/api/supply-chain/${OTHER_FIRM}/suppliers`,
    ]);
  });
});
