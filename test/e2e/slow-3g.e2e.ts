/**
 * First load on a slow 3G line (400 ms latency, 400 kbps both ways, emulated by Chromium through
 * CDP Network.emulateNetworkConditions): the files arrive compressed, a loading sign is on screen
 * from the first paint, and the sign-in form becomes usable. Prints the figures recorded in
 * docs/ux.md. The assertions are on what does not depend on the machine's speed (bytes, encoding,
 * the loading sign); the seconds are printed, as a benchmark would, not asserted.
 */
import type { Browser, CDPSession } from 'playwright-core';
import { launchBrowser, newPhonePage } from './support/browser';
import { button, field } from './support/h5';
import { startStack, type Stack } from './support/stack';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ seed: 'demo' }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const KBPS = 400;
/** Bytes per second at 400 kbps. */
const THROUGHPUT = (KBPS * 1000) / 8;

/** Sums the bytes that crossed the (emulated) wire, per response, as Chromium counts them. */
function countBytes(cdp: CDPSession): { total: () => number; encodings: Map<string, string> } {
  let total = 0;
  const encodings = new Map<string, string>();
  cdp.on('Network.responseReceived', (event) => {
    const headers = event.response.headers as Record<string, string>;
    const encoding = headers['content-encoding'] ?? headers['Content-Encoding'] ?? '';
    encodings.set(event.response.url, encoding);
  });
  cdp.on('Network.loadingFinished', (event) => {
    total += event.encodedDataLength;
  });
  return { total: () => total, encodings };
}

describe('first load on slow 3G', () => {
  it('when the phone opens the app on 400 ms / 400 kbps, then a loading sign shows at once and the sign-in form is usable, compressed', async () => {
    const page = await newPhonePage(browser);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 400,
      downloadThroughput: THROUGHPUT,
      uploadThroughput: THROUGHPUT,
    });
    const bytes = countBytes(cdp);

    const started = Date.now();
    await page.goto(stack.webUrl, { waitUntil: 'commit' });
    // The loading sign is in index.html itself: visible before any script has arrived.
    await page.locator('.boot').waitFor({ state: 'visible' });
    const loadingShownMs = Date.now() - started;
    await field(page, '请输入 11 位手机号').waitFor();
    await button(page, '获取验证码').waitFor();
    const usableMs = Date.now() - started;

    const paint = await page.evaluate(() =>
      performance.getEntriesByType('paint').map((p) => ({ name: p.name, at: Math.round(p.startTime) })),
    );
    const scripts = [...bytes.encodings].filter(([url]) => /\.(js|css)$/.test(url));
    const kb = Math.round(bytes.total() / 1024);
    console.log(
      await page.evaluate(() =>
        Array.from(document.body.children)
          .map((c) => `${c.tagName}#${c.id}.${c.className}:${c.children.length}`)
          .join(' | '),
      ),
    );
    console.log(
      `slow 3G (400 ms, ${KBPS} kbps): loading sign ${loadingShownMs} ms, usable sign-in ${usableMs} ms, ` +
        `${kb} KB over the wire, ${scripts.length} JS/CSS files; paints ${JSON.stringify(paint)}`,
    );

    // The loading sign gives way to the page once it is drawn.
    expect(await page.locator('.boot').isVisible()).toBe(false);
    expect(scripts.length).toBeGreaterThan(0);
    for (const [url, encoding] of scripts) expect([url, encoding]).toEqual([url, 'br']);
    // 5 s of 400 kbps is 244 KB; the budget leaves room for the 400 ms round trips.
    expect(kb).toBeLessThanOrEqual(200);
  });
});
