import { act, fireEvent, render, screen } from '@testing-library/react';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { saveSession } from '../../../services/session-vault';
import AuditPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 8; i += 1) await Promise.resolve();
  });

const ACTOR = '65f0a1b2c3d4e5f6a7b8c9d1';
const entry = (n: number) => ({
  at: '2027-03-01T01:00:00.000Z',
  actorId: ACTOR,
  actorName: '周敏',
  actorPhoneMasked: '138****0006',
  action: 'roles.grant',
  actionLabel: '授予或撤销角色',
  subjectType: 'user',
  subjectId: `u${n}`,
  fields: ['steward'],
  requestId: null,
});

describe('audit log page', () => {
  beforeEach(() => saveSession(sessionFor(['admin'])));

  it('when the command filters role grants by the actor’s phone, then the actor is found first, the entries show masked, and pages move on', async () => {
    const { calls } = installFakeApi({
      'GET /api/admin/users': {
        status: 200,
        body: { id: ACTOR, name: '周敏', phoneMasked: '138****0006', roles: ['admin'], enterprise: null },
      },
      'GET /api/audit-log': (req) => ({
        status: 200,
        body: {
          items: [entry(req.url.includes('page=2') ? 21 : 1)],
          total: 21,
          page: req.url.includes('page=2') ? 2 : 1,
          pageSize: 20,
        },
      }),
    });
    render(<AuditPage />);
    await flush();
    fireEvent.click(screen.getByText('角色授权'));
    fireEvent.change(document.querySelector('input[name="actorPhone"]')!, {
      target: { value: '13800000006' },
    });
    fireEvent.click(screen.getByText('查询'));
    await flush();
    const query = calls.find((c) => c.path === '/api/audit-log')!;
    expect(query.url).toContain('kind=role_grant');
    expect(query.url).toContain(`actorId=${ACTOR}`);
    expect(screen.getByText('共 21 条')).toBeTruthy();
    expect(screen.getByText(/周敏 138\*\*\*\*0006/)).toBeTruthy();
    expect(screen.queryByText(/13800000006/)).toBeNull();
    fireEvent.click(screen.getByText('下一页'));
    await flush();
    expect(screen.getByText('第 2 / 2 页')).toBeTruthy();
    expect(screen.getByText(/user u21/)).toBeTruthy();
  });
});
