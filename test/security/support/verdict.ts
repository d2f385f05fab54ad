import type { Response } from 'supertest';

/** Text that only appears when internals leak: stack frames, source paths, driver messages. */
const LEAK =
  /\bat \S+ \(|\.ts:\d+|node_modules|Mongo(Server)?Error|E11000|TypeError|ReferenceError|Cannot read prop/;

/**
 * What is wrong with a response to hostile input, or null: a 5xx, a 4xx outside the error
 * envelope, or internals in the body.
 */
export function problemWith(res: Response): string | null {
  const text = res.text ?? '';
  if (res.status >= 500) return `status ${res.status} ${text.slice(0, 200)}`;
  if (LEAK.test(text)) return `leaks internals: ${text.slice(0, 200)}`;
  if (res.status >= 400) {
    const e = res.body?.error;
    if (!e || typeof e.code !== 'string' || typeof e.message !== 'string')
      return `status ${res.status} without the error envelope: ${text.slice(0, 120)}`;
    if (res.headers['content-type']?.includes('application/json') !== true)
      return `error not JSON: ${res.headers['content-type']}`;
  }
  return null;
}

/** True when Object.prototype has been given a property by a request. */
export function prototypePolluted(): boolean {
  const probe = {} as Record<string, unknown>;
  return probe.polluted !== undefined || probe.roles !== undefined;
}
