/**
 * Large text and contrast on the H5 build, measured in the page: every text/background pair on
 * the worker's pages (the pass card included) is at least 4.5:1; with 长辈模式 on, body text is
 * ≥ 18 px, buttons ≥ 48 px high, and nothing is cut off or runs off a 375-px screen; the
 * browser's own large font setting (28 px) is followed too. Saves every page at both sizes to
 * .artifacts/screenshots/ux-*.png for review.
 */
import type { Page } from 'playwright-core';
import { newPhonePage, shot } from './support/browser';
import { apiSignIn } from './support/api-session';
import { signIn } from './support/h5';
import { useDemoStack } from './support/lifecycle';
import { auditPage, type Audit } from './support/page-audit';

const demo = useDemoStack();

const WORKER_PAGES: [string, string][] = [
  ['home', '/pages/home/index'],
  ['pass', '/pages/pass/index'],
  ['checkin', '/pages/checkin/index'],
  ['trips', '/pages/trips/index'],
  ['my-bookings', '/pages/my-bookings/index'],
  ['profile', '/pages/profile/index'],
  ['me', '/pages/me/index'],
];

const OTHER_ROLES: [string, string, [string, string][]][] = [
  [
    '13800000002',
    'liaison',
    [
      ['home', '/pages/home/index'],
      ['issue-list', '/enterprise/pages/issue-list/index'],
      ['charter-form', '/enterprise/pages/charter-form/index'],
      ['enterprise-home', '/enterprise/pages/enterprise-home/index'],
    ],
  ],
  [
    '13800000003',
    'steward',
    [
      ['home', '/pages/home/index'],
      ['steward-enterprises', '/enterprise/pages/steward-enterprises/index'],
    ],
  ],
  [
    '13800000004',
    'officer',
    [
      ['home', '/pages/home/index'],
      ['issue-list', '/enterprise/pages/issue-list/index'],
    ],
  ],
  [
    '13800000005',
    'transport',
    [
      ['home', '/pages/home/index'],
      ['trip-admin', '/transport/pages/trip-admin/index'],
      ['trip-form', '/transport/pages/trip-form/index'],
      ['charter-convert', '/transport/pages/charter-convert/index'],
      ['marshal-scan', '/transport/pages/marshal-scan/index'],
    ],
  ],
  [
    '13800000006',
    'admin',
    [
      ['home', '/pages/home/index'],
      ['dashboard', '/command/pages/dashboard/index'],
    ],
  ],
];

/** Opens a page and waits until it has drawn its data (no loading state left). */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${demo.stack().webUrl}/#${path}`);
  // Taro keeps pages it left in the DOM, hidden: wait for the one on screen.
  await page.locator('.taro_page').filter({ visible: true }).last().waitFor();
  await page
    .waitForFunction("!document.querySelector('.page-state--loading, .today--loading')", undefined, {
      timeout: 10_000,
    })
    .catch(() => undefined);
  await page.waitForTimeout(300);
}

/** Audits a page, saves its screenshot, and names the page in what it found. */
async function visit(page: Page, name: string, path: string): Promise<Audit & { name: string }> {
  await open(page, path);
  await shot(page, `ux-${name}`);
  return { name, ...(await auditPage(page)) };
}

const problems = (audits: (Audit & { name: string })[], key: 'lowContrast' | 'overflow') =>
  audits.flatMap((a) => a[key].map((p) => ({ page: a.name, ...p })));

const ELDER_ON = "document.documentElement.classList.contains('fg-elder')";

async function setElder(page: Page, on: boolean): Promise<void> {
  await open(page, '/pages/me/index');
  const isOn = (await page.evaluate(ELDER_ON)) as boolean;
  if (isOn !== on) await page.locator('.nut-switch').click();
  await page.waitForFunction(`${ELDER_ON} === ${on}`);
}

describe('large text and contrast (H5)', () => {
  it('when a worker walks their pages at normal size and in 长辈模式, then every text is ≥ 4.5:1 and nothing overflows', async () => {
    const api = await apiSignIn(demo.stack(), '13800000001');
    await api.call('POST', '/api/checkins', { temperature: 36.5, healthCode: 'green' });
    const page = await newPhonePage(demo.browser());
    await signIn(demo.stack(), page, '13800000001');

    const normal = [];
    for (const [name, path] of WORKER_PAGES) normal.push(await visit(page, `worker-${name}`, path));
    // eslint-disable-next-line no-console -- the figures docs/ux.md quotes
    console.log(
      `normal size: ${normal.reduce((n, a) => n + a.checked, 0)} text elements on ${normal.length} pages`,
    );
    expect(problems(normal, 'lowContrast')).toEqual([]);
    expect(problems(normal, 'overflow')).toEqual([]);

    await setElder(page, true);
    const elder = [];
    for (const [name, path] of WORKER_PAGES) elder.push(await visit(page, `worker-${name}-elder`, path));
    expect(problems(elder, 'lowContrast')).toEqual([]);
    expect(problems(elder, 'overflow')).toEqual([]);

    await open(page, '/pages/home/index');
    // Browser-side expressions as text: this project's type-check has no DOM library.
    const sizes = {
      body: (await page.evaluate(
        "Array.from(document.querySelectorAll('.today-row__line, .today-row__text, .tile-grid__title')).map((el) => parseFloat(getComputedStyle(el).fontSize))",
      )) as number[],
    };
    await open(page, '/pages/me/index');
    const buttons = (await page.evaluate(
      "Array.from(document.querySelectorAll('.nut-button')).map((el) => el.getBoundingClientRect().height)",
    )) as number[];
    // eslint-disable-next-line no-console -- the figures docs/ux.md quotes
    console.log(
      `长辈模式: body text ${Math.min(...sizes.body)}–${Math.max(...sizes.body)} px, buttons ≥ ${Math.min(...buttons)} px`,
    );
    expect(Math.min(...sizes.body)).toBeGreaterThanOrEqual(18);
    expect(buttons.length).toBeGreaterThan(0);
    expect(Math.min(...buttons)).toBeGreaterThanOrEqual(48);
    await setElder(page, false);
  });

  it('when the browser’s own font size is 28 px, then the app grows with it and still fits the screen', async () => {
    const page = await newPhonePage(demo.browser());
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.enable');
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 28, fixed: 24 } });
    await signIn(demo.stack(), page, '13800000001');
    const root = (await page.evaluate(
      'parseFloat(getComputedStyle(document.documentElement).fontSize)',
    )) as number;
    // 375 px wide: 20 px at the default 16 px, × 28/16 here.
    expect(root).toBeCloseTo(35, 0);
    const audits = [];
    for (const [name, path] of WORKER_PAGES.slice(0, 3))
      audits.push(await visit(page, `worker-${name}-font28`, path));
    expect(problems(audits, 'overflow')).toEqual([]);
  });

  it('when each other role opens its pages, then screenshots exist at both sizes and nothing overflows', async () => {
    const found = [];
    for (const [phone, role, pages] of OTHER_ROLES) {
      const page = await newPhonePage(demo.browser());
      await signIn(demo.stack(), page, phone);
      for (const [name, path] of pages) found.push(await visit(page, `${role}-${name}`, path));
      await setElder(page, true);
      for (const [name, path] of pages) found.push(await visit(page, `${role}-${name}-elder`, path));
      await page.context().close();
    }
    expect(problems(found, 'lowContrast')).toEqual([]);
    expect(problems(found, 'overflow')).toEqual([]);
  });
});
