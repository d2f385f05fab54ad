/**
 * A stand-in BFF for checking the H5 pages when the real one cannot start (E2E_FAKE_API=1).
 * Implements only the sign-in routes with the demo accounts, logs the one-time code the way the
 * real BFF does (a JSON line with "msg":"otp.sent"), and is served behind the same static server.
 * The browser tests themselves always go through startStack.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Stack } from './stack';

const DEMO_ROLES: Record<string, string[]> = {
  '13800000001': ['worker'],
  '13800000002': ['liaison'],
  '13800000003': ['steward'],
  '13800000004': ['officer'],
  '13800000005': ['transport'],
  '13800000006': ['admin'],
  '13800000008': ['hotline_operator'],
};

function mask(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

function userFor(phone: string) {
  return {
    id: `64b7f0c2a1b2c3d4e5f6${phone.slice(-4)}`,
    name: null,
    phoneMasked: mask(phone),
    roles: DEMO_ROLES[phone] ?? [],
    enterpriseId: null,
    departmentId: null,
    hasProfile: false,
  };
}

/** Starts the fake BFF plus the lead's static server in front of it. */
export async function startFakeStack(h5Dir: string): Promise<Stack> {
  let log = '';
  const codes = new Map<string, string>();
  const tokens = new Map<string, string>();

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => {
      raw += chunk;
    });
    req.on('end', () => {
      const body = raw ? (JSON.parse(raw) as Record<string, string>) : {};
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(payload));
      };
      const fail = (status: number, code: string, message: string) =>
        send(status, { error: { code, message } });
      const route = `${req.method} ${req.url?.split('?')[0]}`;
      if (route === 'GET /api/ready') return send(200, { status: 'ready', database: 'up' });
      if (route === 'POST /api/auth/otp') {
        const code = String(100000 + Math.floor(Math.random() * 900000));
        codes.set(body.phone, code);
        log += `${JSON.stringify({ level: 30, msg: 'otp.sent', phoneMasked: mask(body.phone), code })}\n`;
        return send(200, { sent: true, retryAfterSec: 60 });
      }
      if (route === 'POST /api/auth/login/phone') {
        if (codes.get(body.phone) !== body.code) return fail(401, 'OTP_INVALID', '验证码错误或已过期');
        const token = `token-${body.phone}`;
        tokens.set(token, body.phone);
        return send(200, {
          token,
          expiresIn: 900,
          refreshToken: `refresh-${body.phone}-0123456789`,
          user: userFor(body.phone),
        });
      }
      const phone = tokens.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
      if (!phone) return fail(401, 'UNAUTHENTICATED', '请先登录');
      if (route === 'GET /api/me') return send(200, userFor(phone));
      if (route === 'POST /api/auth/logout') return send(200, { ok: true });
      return fail(404, 'NOT_FOUND', '未找到相关记录');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped CommonJS helper shared with `npm start`
  const { startWebServer } = require('../../../config/scripts/lib/web-server') as {
    startWebServer(options: {
      root: string;
      apiUrl: string;
    }): Promise<{ url: string; stop(): Promise<void> }>;
  };
  const web = await startWebServer({ root: h5Dir, apiUrl });
  return {
    webUrl: web.url,
    apiUrl,
    output: () => log,
    async stop() {
      await web.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
