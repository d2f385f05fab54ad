import { installFakeApi, sessionFor } from '../../test-support/fake-api';
import { askToSubscribe } from '../platform';
import { saveSession } from './session-vault';
import { askForNews } from './subscribe';

jest.mock('../platform', () => ({ ...jest.requireActual('../platform'), askToSubscribe: jest.fn() }));

beforeEach(() => saveSession(sessionFor(['worker'])));

describe('askForNews', () => {
  it('when the person answers WeChat’s dialog, then the answer per template is recorded at the BFF', async () => {
    (askToSubscribe as jest.Mock).mockResolvedValueOnce({ 'tmpl-trip': 'accept' });
    const api = installFakeApi({
      'POST /api/notifications/subscriptions': { status: 200, body: { templates: [] } },
    });
    await askForNews();
    expect(api.calls.map((c) => [c.path, c.data])).toEqual([
      ['/api/notifications/subscriptions', { results: { 'tmpl-trip': 'accept' } }],
    ]);
  });

  it('when there is no dialog (H5, no templates, dismissed), then nothing is sent', async () => {
    (askToSubscribe as jest.Mock).mockResolvedValueOnce(null);
    const api = installFakeApi({});
    await askForNews();
    expect(api.calls).toHaveLength(0);
  });

  it('when recording fails, then askForNews still resolves: the inbox carries the news anyway', async () => {
    (askToSubscribe as jest.Mock).mockResolvedValueOnce({ 'tmpl-trip': 'reject' });
    installFakeApi({ 'POST /api/notifications/subscriptions': { fail: 'network' } });
    await expect(askForNews()).resolves.toBeUndefined();
  });
});
