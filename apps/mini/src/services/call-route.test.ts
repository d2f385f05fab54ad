import { defineRoute, foundationRoutes } from '@fugong/contracts';
import { installFakeApi, sessionFor } from '../../test-support/fake-api';
import { callRoute } from './call-route';
import { saveSession } from './session-vault';

describe('callRoute', () => {
  it('when a route is public, then no token is sent even if someone is signed in', async () => {
    saveSession(sessionFor(['worker']));
    const { calls } = installFakeApi({
      'POST /api/auth/otp': { status: 200, body: { sent: true, retryAfterSec: 60 } },
    });

    await callRoute(foundationRoutes.authOtp, { body: { phone: '13800000001' } });

    expect(calls[0].header.Authorization).toBeUndefined();
    expect(calls[0].header['Idempotency-Key']).toBeDefined();
  });

  it('when a route has path parameters, then they are filled in and encoded', async () => {
    const route = defineRoute({
      id: 'test.trip',
      method: 'get',
      path: '/api/trips/:tripId',
      summary: '',
      tag: 'test',
      auth: 'user',
      response: foundationRoutes.health.response,
    });
    const { calls } = installFakeApi({
      'GET /api/trips/a%2Fb': { status: 200, body: { status: 'ok', uptimeSec: 1 } },
    });

    await callRoute(route, { params: { tripId: 'a/b' } });

    expect(calls[0].path).toBe('/api/trips/a%2Fb');
  });

  it('when a path parameter is missing, then it fails at once instead of calling a wrong URL', () => {
    const route = { ...foundationRoutes.me, path: '/api/users/:id' };
    const { calls } = installFakeApi({});

    expect(() => callRoute(route, {})).toThrow(TypeError);
    expect(calls).toHaveLength(0);
  });
});
