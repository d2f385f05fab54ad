import { act, fireEvent, render, screen } from '@testing-library/react';
import { apiError, installFakeApi, sessionFor } from '../../../test-support/fake-api';
import { saveSession } from '../../services/session-vault';
import { freightPass } from '../../../test-support/freight-fixtures';
import FreightReviewPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 6; i += 1) await Promise.resolve();
  });
const pending = freightPass({
  status: 'pending',
  approvalPath: 'review',
  cargo: 'components',
  reviewDueAt: '2026-03-03T01:00:00.000Z',
  overdue: true,
});

describe('transport officer’s review queue', () => {
  beforeEach(() => saveSession(sessionFor(['transport'])));

  it('when the queue loads, then the pending pass shows flagged overdue; approving sends the decision', async () => {
    const { calls } = installFakeApi({
      'GET /api/freight-passes/review-queue': { status: 200, body: { items: [pending] } },
      [`POST /api/freight-passes/${pending.id}/approve`]: {
        status: 200,
        body: { ...pending, status: 'approved' },
      },
    });
    render(<FreightReviewPage />);
    await flush();
    expect(screen.getByText('已超时')).toBeTruthy();
    fireEvent.click(screen.getByText('审核通过'));
    await flush();
    expect(calls.find((c) => c.method === 'POST')!.data).toEqual({ note: '' });
  });

  it('when another officer decided first, then the 409 message is shown', async () => {
    installFakeApi({
      'GET /api/freight-passes/review-queue': { status: 200, body: { items: [pending] } },
      [`POST /api/freight-passes/${pending.id}/approve`]: apiError(
        409,
        'INVALID_TRANSITION',
        '该通行证已处理（已通过），不能重复审核，请刷新',
      ),
    });
    render(<FreightReviewPage />);
    await flush();
    fireEvent.click(screen.getByText('审核通过'));
    await flush();
    expect(screen.getByText('该通行证已处理（已通过），不能重复审核，请刷新')).toBeTruthy();
  });

  it('when refusing without a reason, then nothing is sent', async () => {
    const { calls } = installFakeApi({
      'GET /api/freight-passes/review-queue': { status: 200, body: { items: [pending] } },
    });
    render(<FreightReviewPage />);
    await flush();
    fireEvent.click(screen.getByText('不予通过'));
    await flush();
    expect(screen.getByText('请先填写原因（至少 2 个字）')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });
});
