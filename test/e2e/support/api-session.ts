/**
 * Acting as a person through the API alone (no browser), for the set-up a browser test needs
 * but does not test: a worker who checked in and booked, so the marshal has a real code to scan.
 * Signs in exactly as the phone does: a one-time code read from the BFF log.
 */
import { otpCodes, readOtp, type Stack } from './stack';

export interface ApiSession {
  /** Calls the BFF as this person; throws with the answer when the status is not 2xx. */
  call<T = unknown>(method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown): Promise<T>;
  /** Refreshes the session, as the phone does when its token expires: roles granted since then apply. */
  renew(): Promise<void>;
}

async function send<T>(
  stack: Stack,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<T> {
  const res = await fetch(`${stack.apiUrl}${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(method === 'POST'
        ? { 'Idempotency-Key': `e2e-${Date.now()}-${Math.random().toString(16).slice(2)}` }
        : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** Signs `phone` in with a fresh one-time code. */
export async function apiSignIn(stack: Stack, phone: string): Promise<ApiSession> {
  const seen = otpCodes(stack, phone).length;
  await send(stack, 'POST', '/api/auth/otp', { phone });
  const code = await readOtp(stack, phone, seen);
  let session = await send<{ token: string; refreshToken: string }>(stack, 'POST', '/api/auth/login/phone', {
    phone,
    code,
  });
  return {
    call: (method, path, body) => send(stack, method, path, body, session.token),
    renew: async () => {
      session = await send(stack, 'POST', '/api/auth/refresh', { refreshToken: session.refreshToken });
    },
  };
}
