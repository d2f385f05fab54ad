import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { saveSession } from '../../../services/session-vault';
import AssignmentsPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 6; i += 1) await Promise.resolve();
  });

const STEWARD = '65f0a1b2c3d4e5f6a7b8c9d1';

describe('bulk steward assignment page', () => {
  beforeEach(() => saveSession(sessionFor(['admin'])));

  it('when the command previews 规下 塑料制品 firms and assigns 20 of them to a steward, then the count shows and the filter, steward and number are sent', async () => {
    let withoutSteward = 35;
    const { calls } = installFakeApi({
      'GET /api/stewards': {
        status: 200,
        body: { items: [{ id: STEWARD, name: '王管家', enterprises: 3 }] },
      },
      'GET /api/steward-assignments/preview': () => ({
        status: 200,
        body: { matched: 40, withoutSteward, wouldAssign: withoutSteward },
      }),
      'POST /api/steward-assignments/bulk': () => {
        withoutSteward -= 20;
        return { status: 200, body: { stewardId: STEWARD, stewardName: '王管家', assigned: 20, skipped: 0 } };
      },
    });
    render(<AssignmentsPage />);
    await flush();
    fireEvent.change(document.querySelector('input[name="industry"]')!, { target: { value: '塑料制品' } });
    fireEvent.click(screen.getByText('规下'));
    fireEvent.click(screen.getByText('预览企业数'));
    await flush();
    expect(screen.getByText('符合条件 40 家，其中尚无管家 35 家')).toBeTruthy();
    const preview = calls.find((c) => c.path === '/api/steward-assignments/preview')!;
    expect(preview.url).toContain('industry=');
    expect(preview.url).toContain('size=below');

    fireEvent.click(screen.getByText('王管家（3 家）'));
    fireEvent.change(document.querySelector('input[name="limit"]')!, { target: { value: '20' } });
    fireEvent.click(screen.getByText('指派'));
    await flush();
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.data).toEqual({
      filter: { industry: '塑料制品', size: 'below' },
      stewardId: STEWARD,
      limit: 20,
    });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已指派 20 家', icon: 'none' });
    expect(screen.getByText('符合条件 40 家，其中尚无管家 15 家')).toBeTruthy();
  });

  it('when the filter changes after a preview, then the old count and the assign button go away until previewed again', async () => {
    installFakeApi({
      'GET /api/stewards': {
        status: 200,
        body: { items: [{ id: STEWARD, name: '王管家', enterprises: 0 }] },
      },
      'GET /api/steward-assignments/preview': {
        status: 200,
        body: { matched: 4, withoutSteward: 4, wouldAssign: 4 },
      },
    });
    render(<AssignmentsPage />);
    await flush();
    fireEvent.click(screen.getByText('预览企业数'));
    await flush();
    expect(screen.getByText('指派')).toBeTruthy();
    fireEvent.click(screen.getByText('规上'));
    expect(screen.queryByText(/符合条件/)).toBeNull();
    expect(screen.queryByText('指派')).toBeNull();
  });
});
