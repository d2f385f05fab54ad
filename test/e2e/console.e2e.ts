/**
 * The command's steward console on the H5 build with the demo data: the admin 13800000006 grants a
 * newly signed-up person 复工管家 on 人员与角色, assigns 20 of 25 newly registered firms to them in
 * bulk on 批量指派管家, and 服务覆盖 shows 20 fewer firms without a steward.
 */
import type { Page } from 'playwright-core';
import { creditCodeCheckChar, idNumberCheckChar } from '@fugong/contracts';
import { apiSignIn } from './support/api-session';
import { newPhonePage, shot } from './support/browser';
import { useDemoStack } from './support/lifecycle';
import { button, field, signIn } from './support/h5';

const demo = useDemoStack();

async function openTile(page: Page, tile: string, url: RegExp): Promise<void> {
  await page.goto(`${demo.stack().webUrl}/#/pages/home/index`);
  await page.locator('.tile-grid__title', { hasText: tile }).click();
  await page.waitForURL(url);
}

/** The 无管家 figure on 服务覆盖, once it has loaded. */
async function firmsWithoutSteward(page: Page): Promise<number> {
  await openTile(page, '服务覆盖', /admin\/pages\/steward-coverage\/index/);
  const figure = page.locator('.coverage__without');
  await figure.waitFor();
  return Number(/无管家 (\d+) 家/.exec(await figure.innerText())![1]);
}

describe('steward console on the H5 build', () => {
  it('when the command grants a steward role and assigns 20 firms in bulk, then firms without a steward drop by 20', async () => {
    const mark = String(Date.now() % 1_000_000).padStart(6, '0');
    const industry = `测试行业${mark}`;
    const admin = await apiSignIn(demo.stack(), '13800000006');
    for (let i = 0; i < 25; i += 1) {
      const base = `91330281E${mark}${String(i).padStart(2, '0')}`;
      await admin.call('POST', '/api/enterprises', {
        name: `余姚控制台测试企业${mark}-${String(i).padStart(2, '0')}`,
        creditCode: base + creditCodeCheckChar(base),
        industry,
        size: 'below',
        regionCode: '330281',
        address: '余姚市',
        headcount: 30,
      });
    }
    // A person who signed up on their own (a worker), with a name the roster shows.
    const phone = `139${mark}${String(Date.now() % 100).padStart(2, '0')}`;
    const newcomer = await apiSignIn(demo.stack(), phone);
    // A 1985 birth date and this run's mark as the sequence: a valid, unused 身份证号.
    const id17 = `33028119850101${mark.slice(0, 3)}`;
    await newcomer.call('PUT', '/api/profile', {
      name: `管家${mark}`,
      idNumber: id17 + idNumberCheckChar(id17),
      homeRegion: { province: '330000', city: '330200', county: '330281' },
    });

    const page = await newPhonePage(demo.browser());
    await signIn(demo.stack(), page, '13800000006');
    await openTile(page, '人员与角色', /admin\/pages\/people\/index/);
    await field(page, '11 位手机号').fill(phone);
    await button(page, '查找').click();
    await page.getByText(`管家${mark}`).waitFor();
    await button(page, '复工管家').click();
    await button(page, '保存角色').click();
    await page.getByText('已保存').waitFor();
    await shot(page, 'console-steward-granted');

    const before = await firmsWithoutSteward(page);
    expect(before).toBeGreaterThanOrEqual(25);

    await openTile(page, '批量指派管家', /admin\/pages\/assignments\/index/);
    await field(page, '如 光学仪器').fill(industry);
    await button(page, '预览企业数').click();
    await page.getByText('符合条件 25 家，其中尚无管家 25 家').waitFor();
    await page.locator('.w-chips__chip', { hasText: `管家${mark}（0 家）` }).click();
    await field(page, '如 20').fill('20');
    await button(page, '指派').click();
    await page.getByText('符合条件 25 家，其中尚无管家 5 家').waitFor();
    await shot(page, 'console-bulk-assigned');

    expect(await firmsWithoutSteward(page)).toBe(before - 20);
    await shot(page, 'console-coverage');
  });
});
