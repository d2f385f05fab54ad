/**
 * The per-file lifecycle every browser test shares: the stack with the demo data and chromium,
 * started together before the file's tests and stopped after them.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { startStack, type Stack } from './stack';

/** Registers beforeAll/afterAll; the returned getters are valid inside the tests. */
export function useDemoStack(): { stack: () => Stack; browser: () => Browser } {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack({ seed: 'demo' }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (!value) throw new Error(`${what} is not started: call it inside a test`);
    return value;
  };
  return { stack: () => started(stack, 'stack'), browser: () => started(browser, 'browser') };
}
