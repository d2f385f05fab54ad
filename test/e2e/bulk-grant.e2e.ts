/**
 * 批量授权 on the H5 build with the demo data: two people sign up on their own, the command
 * (13800000006) opens 人员与角色 → 批量授权, uploads a CSV granting both 复工管家, sees 已授权 2,
 * downloads the per-row report (phones masked), and then finds one of them on 人员与角色 holding
 * the role. Screenshots go to .artifacts/screenshots/bulk-grant-*.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { apiSignIn } from './support/api-session';
import { newPhonePage, shot } from './support/browser';
import { button, field, signIn } from './support/h5';
import { useDemoStack } from './support/lifecycle';

const demo = useDemoStack();

const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

describe('批量授权 (bulk grant) on the H5 build', () => {
  it('when the command bulk-grants 复工管家 from a CSV, then both are granted, the report downloads, and 人员与角色 shows the role', async () => {
    const mark = String(Date.now() % 1_000_000).padStart(6, '0');
    const phones = [`137${mark}01`, `137${mark}02`];
    for (const phone of phones) await apiSignIn(demo.stack(), phone); // their accounts exist once they sign in
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulk-grant-'));
    const file = path.join(dir, '管家名单.csv');
    const rows = ['手机号,角色,范围,备注', ...phones.map((p) => `${p},复工管家,,阳明街道`)];
    fs.writeFileSync(file, '\ufeff' + rows.join('\r\n'));

    const page = await newPhonePage(demo.browser());
    await signIn(demo.stack(), page, '13800000006');
    await page.locator('.tile-grid__title', { hasText: '人员与角色' }).click();
    await page.waitForURL(/admin\/pages\/people\/index/);
    await button(page, '批量授权（上传表格）').click();
    await page.waitForURL(/admin\/pages\/bulk-grant\/index/);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button(page, '选择文件').click()]);
    await chooser.setFiles(file);
    await page.getByText('管家名单.csv').waitFor();
    await button(page, '开始授权').click();

    const result = page.locator('.bulk-grant__result');
    await result.waitFor();
    const shown = (await result.textContent()) ?? '';
    expect(shown).toContain('共 2 行 · 已授权 2 · 已有 0 · 未授权 0');
    expect(shown).toContain(`${masked(phones[0]!)} · 复工管家 · 已授权`);
    expect(shown).not.toContain(phones[0]);
    await shot(page, 'bulk-grant-result');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      button(page, '下载逐行报告').click(),
    ]);
    expect(download.suggestedFilename()).toBe('批量授权报告-管家名单.csv');
    const report = fs.readFileSync((await download.path())!, 'utf8').split('\r\n');
    expect(report[0]).toBe('\ufeff行号,手机号,角色,范围,结果,原因');
    expect(report[1]).toBe(`2,${masked(phones[0]!)},复工管家,,已授权,`);

    await page.goto(`${demo.stack().webUrl}/#/admin/pages/people/index`);
    await field(page, '11 位手机号').fill(phones[1]!);
    await button(page, '查找').click();
    await page.getByText(masked(phones[1]!)).waitFor();
    const isOn = async (label: string) =>
      (await button(page, label).evaluate((el) => el.outerHTML)).includes('primary');
    expect(await isOn('复工管家')).toBe(true);
    expect(await isOn('交通专班')).toBe(false);
    await shot(page, 'bulk-grant-people');
    await page.context().close();
  });
});
