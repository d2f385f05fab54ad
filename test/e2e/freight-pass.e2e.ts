/**
 * 通行证网上办理 on the H5 build with the demo data: the liaison 13800000002 applies for a lorry
 * carrying 防疫物资 (approved at once under 告知承诺), its driver 13800000001 opens the refreshing
 * QR, the checkpoint 13800000007 scans it (valid), 交通专班 13800000005 revokes the pass, and the
 * next scan of a code shown before the revocation is refused. On H5 the checker pastes the code;
 * the test reads it from the driver's own token API, as a scanner reads it from the QR.
 */
import type { Page } from 'playwright-core';
import { newPhonePage, shot } from './support/browser';
import { useDemoStack } from './support/lifecycle';
import { button, field, signIn } from './support/h5';

const demo = useDemoStack();

async function openTile(page: Page, title: string): Promise<void> {
  await page.goto(`${demo.stack().webUrl}/#/pages/home/index`);
  await page.locator('.tile-grid__title', { hasText: title }).click();
}

/** A call with the page's own session (Taro's H5 storage wraps the vault's JSON as {"data": …}). */
function asPage<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (url) => {
    const storage = (globalThis as unknown as { localStorage: { getItem(k: string): string | null } })
      .localStorage;
    const stored = JSON.parse(storage.getItem('fugong.session.v1') ?? 'null') as { data: string };
    const raw = JSON.parse(stored.data) as { token: string };
    const res = await fetch(url, { headers: { Authorization: `Bearer ${raw.token}` } });
    return (await res.json()) as T;
  }, path) as Promise<T>;
}

async function scanAt(checker: Page, token: string): Promise<void> {
  await field(checker, '扫码结果（或粘贴二维码内容）').fill(token);
  await button(checker, '核验').click();
}

describe('freight pass on the H5 build', () => {
  it('when a pass is applied for under 告知承诺 and scanned, then it is valid; once revoked, the next scan is refused', async () => {
    const plateRest = `B${String((Date.now() % 90_000) + 10_000)}D`;
    const liaison = await newPhonePage(demo.browser());
    await signIn(demo.stack(), liaison, '13800000002');
    await openTile(liaison, '货车通行证');
    await button(liaison, '申请货车通行证').click();
    await liaison.waitForURL(/pages\/freight-apply\/index/);
    await field(liaison, '如 B12345，新能源 B12345D').fill(plateRest);
    await liaison.locator('.w-chips__chip', { hasText: /^重型货车$/ }).click();
    await liaison.locator('.w-chips__chip', { hasText: /^防疫物资$/ }).click();
    await field(liaison, '与驾驶证一致').fill('张建国');
    await field(liaison, '驾驶员凭此手机号登录出示通行证').fill('13800000001');
    await field(liaison, '18 位').fill('11010519491231002X');
    await field(liaison, '如 余姚市阳明街道光电路 8 号').fill('余姚市阳明街道光电路 8 号');
    await field(liaison, '如 上海市浦东新区外高桥').fill('上海市浦东新区外高桥');
    await field(liaison, '6 位，如 310115').fill('310115');
    await liaison.locator('.fa-commit').click();
    await shot(liaison, 'freight-apply-filled');
    await button(liaison, '签署承诺并提交').click();
    await liaison.waitForURL(/pages\/freight-passes\/index/);
    const card = liaison.locator('.w-row', { hasText: `浙${plateRest}` });
    await card.getByText('已通过 · 告知承诺即办').waitFor();
    await shot(liaison, 'freight-passes-approved');

    const driver = await newPhonePage(demo.browser());
    await signIn(demo.stack(), driver, '13800000001');
    await openTile(driver, '我的货车通行证');
    await driver.locator('.w-row', { hasText: `浙${plateRest}` }).click();
    await driver.locator('.fp-qr').waitFor();
    await driver.getByText(/截图无效/).waitFor();
    await shot(driver, 'freight-driver-qr');
    const mine = await asPage<{ items: { id: string; plate: string }[] }>(
      driver,
      '/api/freight-passes/driving',
    );
    const passId = mine.items.find((p) => p.plate === `浙${plateRest}`)!.id;
    const tokenOf = async () =>
      (await asPage<{ token: string }>(driver, `/api/freight-passes/${passId}/token`)).token;

    const checker = await newPhonePage(demo.browser());
    await signIn(demo.stack(), checker, '13800000007');
    await openTile(checker, '通行证核验');
    await field(checker, '如 G15-YY01').fill('G15-YY01');
    await field(checker, '如 沈海高速余姚收费站').fill('沈海高速余姚收费站');
    await scanAt(checker, await tokenOf());
    await checker.getByText('准予通行', { exact: true }).waitFor();
    await checker.getByText(`浙${plateRest}`).waitFor();
    await shot(checker, 'freight-check-valid');

    const officer = await newPhonePage(demo.browser());
    await signIn(demo.stack(), officer, '13800000005');
    await openTile(officer, '通行证审核');
    await officer.locator('.w-chips__chip', { hasText: '已通过（可撤销）' }).click();
    const approved = officer.locator('.w-row', { hasText: `浙${plateRest}` });
    const shownBefore = await tokenOf();
    await approved.getByRole('textbox', { name: '撤销原因（必填）' }).fill('未按申报路线行驶');
    await approved.locator('taro-button-core', { hasText: /^\s*撤销通行证\s*$/ }).click();
    await officer.locator('.w-row', { hasText: `浙${plateRest}` }).waitFor({ state: 'detached' });

    await scanAt(checker, shownBefore);
    await checker.getByText('不予通行', { exact: true }).waitFor();
    await checker.getByText('已被撤销', { exact: true }).waitFor();
    await shot(checker, 'freight-check-revoked');
  });
});
