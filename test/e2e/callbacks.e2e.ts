/**
 * 电话回访 on the H5 build, with the demo data: the command (13800000006) opens the call list,
 * calls a firm whose steward it names, rates the service 2 分 and records 慢作为 with what the
 * firm said; the firm leaves the call list, and the steward's scorecard shows the finding.
 * Screenshots go to .artifacts/screenshots/callbacks-*.png.
 */
import { newPhonePage, shot } from './support/browser';
import { button, signIn } from './support/h5';
import { useDemoStack } from './support/lifecycle';

const demo = useDemoStack();

describe('电话回访 (call-backs) on the H5 build', () => {
  it('when the command records 慢作为 on a call, then the firm leaves the list and the steward’s scorecard shows it', async () => {
    const page = await newPhonePage(demo.browser());
    await signIn(demo.stack(), page, '13800000006');
    await page.locator('.tile-grid__title', { hasText: '电话回访' }).click();
    await page.waitForURL(/admin\/pages\/callbacks\/index/);
    const firms = page.locator('.callbacks__firm');
    await firms.first().waitFor();
    const total = async () =>
      Number(/共 (\d+) 家/.exec((await page.locator('.callbacks__note').textContent()) ?? '')?.[1]);
    const before = await total();
    const firmName = (await firms.first().locator('.w-card__title').textContent())!.trim();
    const steward = /管家：(\S+)/.exec((await firms.first().textContent())!)![1];
    await shot(page, 'callbacks-due');

    await firms.first().click();
    await page.getByText('请从 1 到 5 分打分', { exact: false }).waitFor();
    await page.locator('.w-chips__chip', { hasText: /^\s*2 分\s*$/ }).click();
    await page.locator('.w-chips__chip', { hasText: /^\s*慢作为\s*$/ }).click();
    // A finding without what happened is refused on the phone, before anything is sent.
    await button(page, '保存回访').click();
    await page.getByText('请写明具体情况（至少 5 个字）', { exact: false }).waitFor();
    await page.locator('textarea').fill('用工问题三次催办仍未答复');
    await shot(page, 'callbacks-form');
    await button(page, '保存回访').click();

    await page.locator('.callbacks__filters').waitFor();
    // Browser-side expression as text: this project's type-check has no DOM library.
    await page.waitForFunction(
      `!Array.from(document.querySelectorAll('.callbacks__firm .w-card__title')).some((el) => el.textContent.trim() === ${JSON.stringify(firmName)})`,
    );
    if (before > 1) expect(await total()).toBe(before - 1);

    await page.locator('.w-chips__chip', { hasText: /^\s*服务评价\s*$/ }).click();
    const card = page.locator('.callbacks__steward', { hasText: steward });
    await card.locator('.w-error', { hasText: '慢作为 1 次' }).waitFor();
    expect(await card.textContent()).toContain('满意度 2 分');
    await shot(page, 'callbacks-scorecard');
    await page.context().close();
  });
});
