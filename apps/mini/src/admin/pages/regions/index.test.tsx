import { act, fireEvent, render, screen } from '@testing-library/react';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { saveSession } from '../../../services/session-vault';
import { chinaToday } from '../../../services/format';
import RegionsPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 6; i += 1) await Promise.resolve();
  });

const YUYAO = {
  code: '330281',
  name: '余姚市',
  riskLevel: 'low',
  effectiveFrom: '2027-02-20',
  reopeningStrategy: 'all_firms',
  updatedAt: '2027-02-20T01:00:00.000Z',
};

describe('region risk levels console page', () => {
  beforeEach(() => saveSession(sessionFor(['admin'])));

  it('when the command raises 余姚 to 中风险, then the level and today are sent and the list shows the new strategy', async () => {
    const { calls } = installFakeApi({
      'GET /api/regions': [
        { status: 200, body: { items: [YUYAO] } },
        {
          status: 200,
          body: {
            items: [
              {
                ...YUYAO,
                riskLevel: 'medium',
                effectiveFrom: chinaToday(),
                reopeningStrategy: 'orderly_by_list',
              },
            ],
          },
        },
      ],
      'PUT /api/regions/330281': { status: 200, body: YUYAO },
    });
    render(<RegionsPage />);
    await flush();
    expect(screen.getByText('余姚市 · 低风险（2027-02-20 起）')).toBeTruthy();
    expect(screen.getByText('全面复工复产：区内中小微企业均可复工')).toBeTruthy();
    fireEvent.click(screen.getByText('余姚市 · 低风险（2027-02-20 起）'));
    fireEvent.click(screen.getByText('中风险'));
    fireEvent.click(screen.getByText('保存风险等级'));
    await flush();
    expect(calls.find((c) => c.method === 'PUT')?.data).toEqual({
      name: '余姚市',
      riskLevel: 'medium',
      effectiveFrom: chinaToday(),
    });
    expect(screen.getByText('有序复工复产：按名单分批组织复工')).toBeTruthy();
  });
});
