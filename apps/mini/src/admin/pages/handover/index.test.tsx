import { act, fireEvent, render, screen } from '@testing-library/react';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { saveSession } from '../../../services/session-vault';
import HandoverPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 6; i += 1) await Promise.resolve();
  });

const A = '65f0a1b2c3d4e5f6a7b8c9d1';
const B = '65f0a1b2c3d4e5f6a7b8c9d2';
const C = '65f0a1b2c3d4e5f6a7b8c9d3';

describe('steward hand-over page', () => {
  beforeEach(() => saveSession(sessionFor(['admin'])));

  it('when a leaving steward’s firms are handed to two others, then both are sent and what each received shows', async () => {
    const { calls } = installFakeApi({
      'GET /api/stewards': {
        status: 200,
        body: {
          items: [
            { id: A, name: '郑麒麟', enterprises: 5 },
            { id: B, name: '王立新', enterprises: 2 },
            { id: C, name: '陈晓', enterprises: 3 },
          ],
        },
      },
      'POST /api/steward-assignments/rebalance': {
        status: 200,
        body: {
          fromStewardId: A,
          moved: 5,
          to: [
            { stewardId: B, name: '王立新', received: 3 },
            { stewardId: C, name: '陈晓', received: 2 },
          ],
        },
      },
    });
    render(<HandoverPage />);
    await flush();
    fireEvent.click(screen.getByText('郑麒麟（5 家）'));
    // The leaving steward cannot also take over.
    expect(screen.getAllByText('郑麒麟（5 家）')).toHaveLength(1);
    fireEvent.click(screen.getAllByText('王立新（2 家）').at(-1)!);
    fireEvent.click(screen.getAllByText('陈晓（3 家）').at(-1)!);
    fireEvent.click(screen.getByText('移交全部企业'));
    await flush();
    expect(calls.find((c) => c.method === 'POST')?.data).toEqual({ fromStewardId: A, toStewardIds: [B, C] });
    expect(screen.getByText('已移交 5 家')).toBeTruthy();
    expect(screen.getByText('王立新：接手 3 家')).toBeTruthy();
    expect(screen.getByText('陈晓：接手 2 家')).toBeTruthy();
  });
});
