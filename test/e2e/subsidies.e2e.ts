/**
 * 免申即享 on the H5 build with the demo data, from the 参保 roster to a decided 异议: 人社局's
 * officer 13800000004 computes the 2020 一次性吸纳就业补贴, reviews the firms, 剔除 one with a
 * reason, approves and publishes (公示); the demo liaison 13800000002 (余姚市明州光电科技有限公司)
 * reads "您可享受 3,000 元，无需申请" with its reason and objects; the officer rejects the objection
 * with a written opinion and the liaison reads it. Screenshots go to .artifacts/screenshots/subsidies-*.png.
 */
import type { Page } from 'playwright-core';
import { creditCodeCheckChar, idNumberCheckChar } from '@fugong/contracts';
import { apiSignIn } from './support/api-session';
import { newPhonePage, shot } from './support/browser';
import { button, field, signIn } from './support/h5';
import { useDemoStack } from './support/lifecycle';

const demo = useDemoStack();

/** The demo firms' credit codes (apps/bff/src/dev/demo/enterprises.ts). */
const creditCode = (org: string) => `91330281${org}` + creditCodeCheckChar(`91330281${org}`);
const MINGZHOU = '余姚市明州光电科技有限公司';
const YANGMING = '余姚市阳明精密机械有限公司';
const LANJIANG = '余姚市兰江模塑厂';

/** `n` people hired 2020-02-15 on one-year contracts with social insurance paid: all count. */
function hires(code: string, n: number, from: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const first17 = `52010219900115${String(from + i).padStart(3, '0')}`;
    return [code, first17 + idNumberCheckChar(first17), '2020-02-15', '2020-02-15', '2021-02-14', '是'].join(
      ',',
    );
  });
}
const ROSTER = [
  '统一社会信用代码,身份证号,入职日期,劳动合同起始日期,劳动合同终止日期,是否参保',
  ...hires(creditCode('MA2D00001'), 3, 0),
  ...hires(creditCode('MA2D00002'), 2, 100),
  ...hires(creditCode('MA2D00003'), 1, 200),
].join('\r\n');

const OBJECTION = '我司 2 月还新招了 1 名员工，名单少算了一人';
const OPINION = '该员工劳动合同不足一年，不符合条件';

async function openTile(page: Page, title: string): Promise<void> {
  await page.goto(`${demo.stack().webUrl}/#/pages/home/index`);
  await page.locator('.tile-grid__title', { hasText: title }).click();
}

const card = (page: Page, text: string) => page.locator('.card', { hasText: text });
const firmRow = (page: Page, name: string) => page.locator('.row-item', { hasText: name });
const LIST_TITLE = '一次性吸纳就业补贴 · 2020 年';

/** The officer's review page with the 2020 hiring list opened. */
async function openList(officer: Page): Promise<void> {
  await openTile(officer, '免申即享名单');
  await card(officer, LIST_TITLE).locator('taro-button-core', { hasText: '查看明细' }).click();
  await firmRow(officer, MINGZHOU).waitFor();
}

describe('免申即享 on the H5 build', () => {
  it('when 人社局 runs, reviews and publishes a list, then the entitled firm sees it without applying, objects, and reads the decision', async () => {
    // The roster is a spreadsheet exported from the 社保 system; the review page is the officer's
    // phone view and offers no file import, so it goes in through the import API as a desk would.
    const rsj = await apiSignIn(demo.stack(), '13800000004');
    await rsj.call('POST', '/api/subsidies/imports', {
      kind: 'roster',
      period: '2020',
      format: 'csv',
      dataBase64: Buffer.from(ROSTER, 'utf8').toString('base64'),
    });

    const officer = await newPhonePage(demo.browser());
    await signIn(demo.stack(), officer, '13800000004');
    await openTile(officer, '免申即享名单');
    await officer.getByRole('radio', { name: '一次性吸纳就业补贴' }).click();
    await officer.locator('input[placeholder="如 2020"]').fill('2020');
    await button(officer, '计算名单').click();
    const list = card(officer, LIST_TITLE);
    await list.getByText('待审核 · 3 家 · 合计 6,000 元').waitFor();

    await list.locator('taro-button-core', { hasText: '查看明细' }).click();
    await firmRow(officer, MINGZHOU).getByText('依据：新吸纳 3 人 × 1,000 元').waitFor();
    await firmRow(officer, LANJIANG).getByText(`${LANJIANG} · 1,000 元`).waitFor();
    await shot(officer, 'subsidies-review-draft');
    const yangming = firmRow(officer, YANGMING);
    await yangming.locator('taro-button-core', { hasText: /^\s*剔除\s*$/ }).click();
    await field(officer, '剔除理由').fill('该企业已另行申领本期补贴');
    await yangming.locator('taro-button-core', { hasText: '确认剔除' }).click();
    await yangming.getByText('已剔除：该企业已另行申领本期补贴').waitFor();
    await list.getByText('待审核 · 2 家 · 合计 4,000 元').waitFor();

    await button(officer, '审核通过').click();
    await list.getByText('已审核 · 2 家 · 合计 4,000 元').waitFor();
    await button(officer, '公示').click();
    await list.getByText('公示中 · 2 家 · 合计 4,000 元').waitFor();
    await shot(officer, 'subsidies-review-published');

    const liaison = await newPhonePage(demo.browser());
    await signIn(demo.stack(), liaison, '13800000002');
    await openTile(liaison, '可享政策');
    const mine = card(liaison, '一次性吸纳就业补贴（2020 年）');
    await mine.getByText('您可享受 3,000 元，无需申请').waitFor();
    await mine.getByText('依据：新吸纳 3 人 × 1,000 元').waitFor();
    await mine.getByText(/^公示至 \d{4}\/\d{1,2}\/\d{1,2}/).waitFor();
    await shot(liaison, 'subsidies-entitled');
    await field(liaison, '对公示结果有异议？请写明理由').fill(OBJECTION);
    await button(liaison, '提出异议').click();
    await mine.getByText('异议处理中').waitFor();

    await openList(officer);
    await officer.getByText('待处理异议 1 件').waitFor();
    const mingzhou = firmRow(officer, MINGZHOU);
    await mingzhou.getByText(`企业异议：${OBJECTION}`).waitFor();
    await field(officer, '处理意见（企业可见）').fill(OPINION);
    await shot(officer, 'subsidies-objection');
    await mingzhou.locator('taro-button-core', { hasText: /^\s*异议不成立\s*$/ }).click();
    await mingzhou.getByText(`异议不成立：${OPINION}`).waitFor();

    await openTile(liaison, '可享政策');
    await mine.getByText(`异议不成立：${OPINION}`).waitFor();
    await mine.getByText('您可享受 3,000 元，无需申请').waitFor();
    await shot(liaison, 'subsidies-objection-decided');
    expect(await button(liaison, '提出异议').count()).toBe(0);
  });
});
