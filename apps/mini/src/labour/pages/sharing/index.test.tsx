import { act, fireEvent, render, screen } from '@testing-library/react';
import { divisionsReply } from '../../../../test-support/fixtures';
import { apiError, installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { FIRM_A, FIRM_B, sharingAgreement, sharingPost } from '../../../../test-support/labour-fixtures';
import { saveSession } from '../../../services/session-vault';
import SharingPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 6; i += 1) await Promise.resolve();
  });
const fill = (placeholder: string, value: string) =>
  fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } });
const AGREEMENT = sharingAgreement().id;
const theirShortage = sharingPost({
  id: '64b7f0c2a1b2c3d4e5f60d02',
  enterpriseId: FIRM_B,
  enterpriseName: '慈溪电器厂',
  kind: 'shortage',
  headcount: 4,
  fromDay: '2026-03-12',
  toDay: '2026-04-30',
  note: '急需装配工',
});

/** Firm A's liaison, whose own post is a surplus and whose agreements are `agreements`. */
function world(agreements = [sharingAgreement()], extra: Record<string, unknown> = {}) {
  return installFakeApi({
    'GET /api/divisions': divisionsReply,
    'GET /api/labour/firms': { status: 200, body: { items: [{ id: FIRM_A, name: '余姚舜宇光学' }] } },
    'GET /api/labour/sharing/posts/mine': { status: 200, body: { items: [sharingPost({ agreed: 1 })] } },
    'GET /api/labour/sharing/agreements': { status: 200, body: { items: agreements } },
    'GET /api/labour/sharing/posts': { status: 200, body: { items: [sharingPost(), theirShortage] } },
    ...extra,
  });
}

beforeEach(() => {
  const s = sessionFor(['liaison']);
  saveSession({ ...s, user: { ...s.user, enterpriseId: FIRM_A } });
});

describe('用工调剂 page (firm)', () => {
  it('when the liaison opens it, then it sees the arrangement waiting for it, its own post with heads agreed, and only other firms’ posts on the board', async () => {
    world();
    render(<SharingPage />);
    await flush();
    expect(screen.getByText('余姚舜宇光学 → 慈溪电器厂 · 3 人')).toBeTruthy();
    expect(screen.getByText('2026-03-16 至 2026-03-31 · 原用人单位缴纳社保')).toBeTruthy();
    expect(screen.getByText('待对方确认')).toBeTruthy();
    expect(screen.getByText('确认调剂')).toBeTruthy();
    expect(screen.getByText(/富余员工可借出 · 制造业 5 人（已约定 1 人）/)).toBeTruthy();
    expect(screen.getByText('慈溪电器厂 · 缺工求借用 4 人 · 制造业')).toBeTruthy();
    expect(screen.queryByText('余姚舜宇光学 · 富余员工可借出 5 人 · 制造业')).toBeNull();
  });

  it('when the firm proposed the arrangement itself, then it waits and is not offered to agree', async () => {
    world([sharingAgreement({ proposedBy: 'lender' })]);
    render(<SharingPage />);
    await flush();
    expect(screen.getByText('余姚舜宇光学 → 慈溪电器厂 · 3 人')).toBeTruthy();
    expect(screen.queryByText('确认调剂')).toBeNull();
  });

  it('when the liaison agrees and the heads were taken meanwhile, then the server’s reason shows on that arrangement', async () => {
    const api = world(undefined, {
      [`POST /api/labour/sharing/agreements/${AGREEMENT}/agree`]: apiError(
        409,
        'SHARING_HEADS_TAKEN',
        '可调剂人数已被其他企业约定，请刷新后重新商定人数',
      ),
    });
    render(<SharingPage />);
    await flush();
    fireEvent.click(screen.getByText('确认调剂'));
    await flush();
    expect(api.calls.some((c) => c.path === `/api/labour/sharing/agreements/${AGREEMENT}/agree`)).toBe(true);
    expect(screen.getByText('可调剂人数已被其他企业约定，请刷新后重新商定人数')).toBeTruthy();
  });

  it('when the liaison offers to lend to a firm short of hands, then its own surplus, the heads, the overlap period, the terms, who pays insurance and the workers’ phones are sent', async () => {
    const api = world([], {
      'POST /api/labour/sharing/agreements': {
        status: 201,
        body: sharingAgreement({ proposedBy: 'lender' }),
      },
    });
    render(<SharingPage />);
    await flush();
    fireEvent.click(screen.getByText('商定借出'));
    await flush();
    fill('调剂人数', '3');
    fill('工作内容、报酬结算、食宿安排等', '装配线普工，借用单位按日结算工资');
    fireEvent.click(screen.getByText('借用单位承担'));
    fill('多个手机号用逗号分隔', '13900000011，13900000012');
    fireEvent.click(screen.getByText('发给对方确认'));
    await flush();
    const sent = api.calls.find((c) => c.method === 'POST');
    expect(sent?.data).toEqual({
      surplusId: sharingPost().id,
      shortageId: theirShortage.id,
      headcount: 3,
      fromDay: '2026-03-12',
      toDay: '2026-03-31',
      terms: '装配线普工，借用单位按日结算工资',
      insurancePayer: 'borrower',
      workerPhones: ['13900000011', '13900000012'],
    });
    expect(sent?.header['Idempotency-Key']).toBeTruthy();
  });

  it('when the terms are left empty, then the form says what is missing and nothing is sent', async () => {
    const api = world([]);
    render(<SharingPage />);
    await flush();
    fireEvent.click(screen.getByText('商定借出'));
    await flush();
    fireEvent.click(screen.getByText('发给对方确认'));
    await flush();
    expect(screen.getByText('请填写人数')).toBeTruthy();
    expect(screen.getByText('请选择社保由谁缴纳')).toBeTruthy();
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });
});
