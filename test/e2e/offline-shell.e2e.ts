/**
 * The H5 app opens without signal after one visit online: the service worker (sw.js, written by
 * the production build) keeps the app shell, and the pass page shows the colour kept on the
 * phone, marked 离线. API answers are never kept by the worker: the app's own storage holds the
 * offline data, with its time. Screenshots: .artifacts/screenshots/offline-shell-*.png.
 */
import type { Page } from 'playwright-core';
import { apiSignIn } from './support/api-session';
import { newPhonePage, shot } from './support/browser';
import { signIn } from './support/h5';
import { useDemoStack } from './support/lifecycle';

const demo = useDemoStack();
const WORKER = '13900000067';

/** The origin's cache names and every path they hold (the tests' types have no DOM, hence a string). */
function cachedUrls(page: Page): Promise<{ names: string[]; urls: string[] }> {
  return page.evaluate(`(async () => {
    const names = await caches.keys();
    const urls = [];
    for (const name of names)
      for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
    return { names, urls };
  })()`);
}

describe('app shell without signal (H5 service worker)', () => {
  it('when a worker has opened the pass once online, then with no network a reload still opens the app on the last pass colour, marked 离线', async () => {
    const worker = await apiSignIn(demo.stack(), WORKER);
    await worker.call('POST', '/api/checkins', { temperature: 36.5, healthCode: 'green' });

    const phone = await newPhonePage(demo.browser());
    await signIn(demo.stack(), phone, WORKER);
    await phone.goto(`${demo.stack().webUrl}/#/pages/pass/index`);
    await phone.getByText('绿码').waitFor();
    await phone.getByText(/截图无效/).waitFor();
    // The worker takes over this page once its precache is filled (skipWaiting + clients.claim).
    await phone.waitForFunction(
      'Boolean(navigator.serviceWorker && navigator.serviceWorker.controller)',
      undefined,
      {
        timeout: 60_000,
      },
    );
    const { names, urls } = await cachedUrls(phone);
    expect(names).toEqual([expect.stringMatching(/^fugong-shell-[0-9a-f]{16}$/)]);
    expect(urls).toContain('/index.html');
    expect(urls.some((u) => /^\/js\/app\.[0-9a-f]{8}\.js$/.test(u))).toBe(true);
    expect(urls.filter((u) => u.startsWith('/api'))).toEqual([]);

    await phone.context().setOffline(true);
    const reloaded = await phone.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    const badge = phone.getByText(/^离线 · \d{2}-\d{2} \d{2}:\d{2} 联网时的颜色$/);
    await badge.waitFor({ timeout: 30_000 });
    await phone.getByText('绿码').waitFor();
    await phone.getByText('网络不可用，显示的可能不是最新信息').waitFor();
    await phone.getByText('二维码需要联网获取，有网络后自动更新').waitFor();
    // The marshal reads the colour, so it must be the green card, not a neutral one.
    const card = phone.locator('.w-pass').first();
    expect(await card.getAttribute('class')).toContain('w-pass--green');
    const background = phone.evaluate("getComputedStyle(document.querySelector('.w-pass')).backgroundColor");
    await expect(background).resolves.toBe('rgb(23, 117, 58)');
    await shot(phone, 'offline-shell-pass');

    // Still no API answer was kept: the data offline came from the app's own storage.
    expect((await cachedUrls(phone)).urls.filter((u) => u.startsWith('/api'))).toEqual([]);
    await phone.context().setOffline(false);
  });
});
