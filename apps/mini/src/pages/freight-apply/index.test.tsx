import { act, fireEvent, render, screen } from '@testing-library/react';
import { FREIGHT_COMMITMENT, PLATE_FORMAT_MESSAGE } from '@fugong/contracts';
import { installFakeApi, sessionFor } from '../../../test-support/fake-api';
import { saveSession } from '../../services/session-vault';
import { freightPass } from '../../../test-support/freight-fixtures';
import FreightApplyPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 6; i += 1) await Promise.resolve();
  });
const type = (placeholder: string | RegExp, value: string) =>
  fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } });

function fillValid() {
  type(/如 B12345/, 'b12345d');
  fireEvent.click(screen.getByText('重型货车'));
  fireEvent.click(screen.getByText('防疫物资'));
  type('与驾驶证一致', '王师傅');
  type(/驾驶员凭此手机号/, '13912345678');
  type('18 位', '11010519491231002X');
  type(/光电路/, '余姚市阳明街道');
  type(/外高桥/, '上海市浦东新区');
  type(/310115/, '310115');
}

describe('freight pass application', () => {
  beforeEach(() => {
    const s = sessionFor(['liaison']);
    saveSession({ ...s, user: { ...s.user, enterpriseId: '65f0a1b2c3d4e5f6a7b8c9d1' } });
  });

  it('when the plate is incomplete, then the plate error shows and nothing is sent', async () => {
    const { calls } = installFakeApi({});
    render(<FreightApplyPage />);
    fillValid();
    type(/如 B12345/, 'B1234');
    fireEvent.click(screen.getByRole('checkbox'));
    fireEvent.click(screen.getByText('签署承诺并提交'));
    await flush();
    expect(screen.getByText(PLATE_FORMAT_MESSAGE)).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('when the commitment is not ticked, then it is asked for and nothing is sent', async () => {
    const { calls } = installFakeApi({});
    render(<FreightApplyPage />);
    fillValid();
    fireEvent.click(screen.getByText('签署承诺并提交'));
    await flush();
    expect(screen.getByText('请阅读并勾选告知承诺书')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('when the form is complete, then the province and typed rest make the plate, the window is 7 days, and the signed version is sent', async () => {
    const { calls } = installFakeApi({ 'POST /api/freight-passes': { status: 201, body: freightPass() } });
    render(<FreightApplyPage />);
    expect(screen.getByText(FREIGHT_COMMITMENT.text)).toBeTruthy();
    fillValid();
    fireEvent.click(screen.getByRole('checkbox'));
    fireEvent.click(screen.getByText('签署承诺并提交'));
    await flush();
    const post = calls.find((c) => c.method === 'POST')!;
    const body = post.data as Record<string, unknown> & { validFrom: string; validUntil: string };
    expect(body).toMatchObject({
      plate: '浙B12345D',
      vehicleType: 'heavy_truck',
      cargo: 'epidemic_supplies',
      driver: { name: '王师傅', phone: '13912345678', idNumber: '11010519491231002X' },
      route: { originRegionCode: '330281', destinationRegionCode: '310115' },
      commitment: { accepted: true, version: FREIGHT_COMMITMENT.version },
    });
    expect(new Date(body.validUntil).getTime() - new Date(body.validFrom).getTime()).toBe(7 * 86_400_000);
    expect(post.header['Idempotency-Key']).toBeTruthy();
  });
});
