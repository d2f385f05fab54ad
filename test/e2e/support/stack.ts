/**
 * Typed access to the lead's stack launcher (config/scripts/lib/stack.js): in-memory database,
 * BFF, and a static server for the H5 build that proxies /api to the BFF.
 */
import path from 'node:path';

export interface Stack {
  webUrl: string;
  apiUrl: string;
  /** Everything the BFF has logged so far (JSON lines). */
  output(): string;
  stop(): Promise<void>;
}

interface StackModule {
  startStack(options: { seed?: 'demo' | 'none' }): Promise<Stack>;
}

interface NginxStackModule {
  startNginxStack(options: { seed?: 'demo' | 'none' }): Promise<Stack>;
}

// Plain CommonJS scripts shared with `npm start` and CI; they have no type declarations to import.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const stackModule = require('../../../config/scripts/lib/stack') as StackModule;

/**
 * Starts the stack with the demo accounts (13800000001 … 13800000006). E2E_FAKE_API=1 swaps the
 * BFF for support/fake-bff (sign-in routes only) to check the pages while the BFF is unavailable;
 * E2E_NGINX=1 runs the production shape instead: nginx in front of two BFFs on one database
 * (config/scripts/lib/nginx-stack.js, the CI nginx stage).
 */
export async function startStack(options: { seed?: 'demo' | 'none' } = { seed: 'demo' }): Promise<Stack> {
  if (process.env.E2E_NGINX === '1') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const nginxStack = require('../../../config/scripts/lib/nginx-stack') as NginxStackModule;
    return nginxStack.startNginxStack(options);
  }
  if (process.env.E2E_FAKE_API === '1') {
    const { startFakeStack } = await import('./fake-bff');
    return startFakeStack(path.resolve(__dirname, '..', '..', '..', 'apps', 'mini', 'dist', 'h5'));
  }
  return stackModule.startStack(options);
}

/** Every demo one-time code the BFF has logged for `phone` so far, oldest first. */
export function otpCodes(stack: Stack, phone: string): string[] {
  // The BFF log masks the phone as 138****0001.
  const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  return stack
    .output()
    .split('\n')
    .filter((line) => line.includes('"otp.sent"'))
    .map((line) => {
      try {
        return JSON.parse(line) as { phoneMasked?: string; code?: string };
      } catch {
        return {};
      }
    })
    .filter((entry) => entry.phoneMasked === masked && typeof entry.code === 'string')
    .map((entry) => entry.code as string);
}

/**
 * The newest one-time code logged for `phone`, waiting until more than `seenBefore` codes exist.
 * The log line may trail the HTTP answer, so a person signing in a second time must pass the
 * count from before asking; otherwise the previous, already used code is read and sign-in fails.
 */
export async function readOtp(
  stack: Stack,
  phone: string,
  seenBefore = 0,
  timeoutMs = 5_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const codes = otpCodes(stack, phone);
    if (codes.length > seenBefore) return codes[codes.length - 1];
    if (Date.now() > deadline) throw new Error(`no new otp.sent line for ${phone.slice(-4)} in the BFF log`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
