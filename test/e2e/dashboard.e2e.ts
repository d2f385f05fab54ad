/**
 * The command dashboard on the H5 build, with the demo data: the command (13800000006) signs in, opens 指挥大屏,
 * sees the charts drawn, filters by a town, and downloads the daily report, which is opened
 * with exceljs to check it is the filtered workbook. Screenshots go to
 * .artifacts/screenshots/dashboard-*.png.
 */
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPhonePage, shot } from './support/browser';
import { startStack, type Stack } from './support/stack';
import { signIn } from './support/h5';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ seed: 'demo' }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('command dashboard on the H5 build', () => {
  it('when the command opens 指挥大屏, filters by a town and exports, then the charts render and the workbook holds that town', async () => {
    const page = await newPhonePage(browser);
    await signIn(stack, page, '13800000006');
    await page.locator('.tile-grid__title', { hasText: '指挥大屏' }).click();
    await page.waitForURL(/command\/pages\/dashboard\/index/);
    await page.locator('.chart').first().waitFor();
    expect(await page.locator('.chart').count()).toBeGreaterThanOrEqual(8);
    expect(await page.locator('.kpi__note').first().textContent()).toBe('3 / 4 家');
    // Bars are drawn: some have a real width (a rate of 0 draws an empty track, which is fine).
    await page.waitForFunction(
      "Array.from(document.querySelectorAll('.chart__bar')).some((el) => el.getBoundingClientRect().width > 0)",
    );
    await shot(page, 'dashboard-overview');

    await page.locator('.chip', { hasText: /^\s*阳明街道\s*$/ }).click();
    await page
      .locator('.kpi__note', { hasText: /^\s*1 \/ 1 家\s*$/ })
      .first()
      .waitFor();
    await shot(page, 'dashboard-filtered-yangming');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.dashboard__export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^复工日报-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file!);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '复工复产',
      '返岗交通',
      '问题办理',
      '复工管家',
      '健康监测',
      '企业明细',
    ]);
    const firms = wb
      .getWorksheet('企业明细')!
      .getRows(2, 20)!
      .map((r) => r.getCell(1).text)
      .filter(Boolean);
    expect(firms).toEqual(['余姚市明州光电科技有限公司']);
    await page.getByText('导出日报（Excel）').waitFor();
    await shot(page, 'dashboard-exported');
  }, 120_000);
});
