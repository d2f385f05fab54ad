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
  countyCode: null,
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

  it('when towns carry their own levels, then each is shown under its county, and tapping one changes the town, not the county', async () => {
    const town = (code: string, name: string, riskLevel: string) => ({
      ...YUYAO,
      code,
      name,
      countyCode: code.slice(0, 6),
      riskLevel,
      reopeningStrategy: riskLevel === 'low' ? 'all_firms' : 'not_in_policy',
    });
    const { calls } = installFakeApi({
      'GET /api/regions': {
        status: 200,
        body: {
          items: [
            town('330281002', '凤山街道', 'high'),
            YUYAO,
            town('330281001', '梨洲街道', 'low'),
            town('330282002', '宗汉街道', 'high'),
          ],
        },
      },
      'PUT /api/regions/330281002': { status: 200, body: town('330281002', '凤山街道', 'medium') },
    });
    render(<RegionsPage />);
    await flush();
    const lines = screen.getAllByText(/ · .*风险（|县级未单独设置|^3302/).map((e) => e.textContent);
    expect(lines).toEqual([
      '330200 所辖',
      '余姚市 · 低风险（2027-02-20 起）',
      '└ 梨洲街道 · 低风险（2027-02-20 起）',
      '└ 凤山街道 · 高风险（2027-02-20 起）',
      // 慈溪 has no level of its own: its row names it (the code while the names load) and heads its town.
      '330282',
      '县级未单独设置，乡镇（街道）按下列等级',
      '└ 宗汉街道 · 高风险（2027-02-20 起）',
    ]);
    fireEvent.click(screen.getByText('└ 凤山街道 · 高风险（2027-02-20 起）'));
    fireEvent.click(screen.getByText('中风险'));
    fireEvent.click(screen.getByText('保存风险等级'));
    await flush();
    expect(calls.filter((c) => c.method === 'PUT').map((c) => [c.path, c.data])).toEqual([
      ['/api/regions/330281002', { name: '凤山街道', riskLevel: 'medium', effectiveFrom: chinaToday() }],
    ]);
  });
});
