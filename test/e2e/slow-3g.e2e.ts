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

interface Response {
  url: string;
  encoding: string;
  /** What crossed the (emulated) wire: headers and the body as sent. */
  bytes: number;
  /** The body once decoded: what the server chose whether to compress by. */
  bodyBytes: number;
}

/** Every response with its encoding and the bytes that crossed the (emulated) wire. */
function recordResponses(cdp: CDPSession): Map<string, Response> {
  const responses = new Map<string, Response>();
  cdp.on('Network.responseReceived', (event) => {
    const headers = event.response.headers as Record<string, string>;
    const encoding = headers['content-encoding'] ?? headers['Content-Encoding'] ?? '';
    responses.set(event.requestId, { url: event.response.url, encoding, bytes: 0, bodyBytes: 0 });
  });
  cdp.on('Network.dataReceived', (event) => {
    const response = responses.get(event.requestId);
    if (response) response.bodyBytes += event.dataLength;
  });
  cdp.on('Network.loadingFinished', (event) => {
    const response = responses.get(event.requestId);
    if (response) response.bytes = event.encodedDataLength;
  });
  return responses;
}

/**
 * Asks once for index.html and every file it names, as any earlier visitor would have: the demo
 * server compresses each file on first request and keeps it (nginx serves from its own cache).
 */
async function warmServer(webUrl: string): Promise<void> {
  const html = await (await fetch(webUrl)).text();
  const files = [...html.matchAll(/(?:src|href)="(\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  await Promise.all(
    files.map((f) =>
      fetch(`${webUrl}${f}`, { headers: { 'Accept-Encoding': 'br' } }).then((r) => r.arrayBuffer()),
    ),
  );
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
    await warmServer(stack.webUrl);
    const responses = recordResponses(cdp);

    const started = Date.now();
    await page.goto(stack.webUrl, { waitUntil: 'commit' });
    // The loading sign is in index.html itself: visible before any script has arrived.
    await page.locator('.boot').waitFor({ state: 'visible' });
    const loadingShownMs = Date.now() - started;
    await field(page, '请输入 11 位手机号').waitFor();
    await button(page, '获取验证码').waitFor();
    const usableMs = Date.now() - started;

    const paint = (await page.evaluate(
      "performance.getEntriesByType('paint').map((p) => ({ name: p.name, at: Math.round(p.startTime) }))",
    )) as { name: string; at: number }[];
    const all = [...responses.values()];
    const scripts = all.filter((r) => /\.(js|css)$/.test(r.url));
    const kb = Math.round(all.reduce((n, r) => n + r.bytes, 0) / 1024);
    // eslint-disable-next-line no-console -- the figures docs/ux.md quotes
    console.log(
      `slow 3G (400 ms, ${KBPS} kbps): loading sign ${loadingShownMs} ms, usable sign-in ${usableMs} ms, ` +
        `${kb} KB over the wire, ${scripts.length} JS/CSS files; paints ${JSON.stringify(paint)}`,
    );

    // The loading sign gives way to the page once it is drawn.
    expect(await page.locator('.boot').isVisible()).toBe(false);
    expect(scripts.length).toBeGreaterThan(0);
    // Every file worth compressing came as brotli. The server leaves bodies under 1 KB as they are; the
    // wire count includes the headers, so a 900-byte style sheet is over 1 KB there: judge by the body.
    const worthCompressing = scripts.filter((x) => x.bodyBytes >= 1024);
    expect(worthCompressing.length).toBeGreaterThan(0);
    for (const r of worthCompressing) expect([r.url, r.encoding]).toEqual([r.url, 'br']);
    // 5 s of 400 kbps is 244 KB: more bytes than that and the 5-s target is out of reach whatever
    // else is done (uncompressed, the same first screen was 680 KB).
    expect(kb).toBeLessThanOrEqual(244);
  });
});
