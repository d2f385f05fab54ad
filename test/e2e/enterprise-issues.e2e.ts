/**
 * Enterprise issues on the H5 build, with the demo data: a liaison reports an issue, the steward accepts
 * and dispatches it, the 人社局 officer answers, the liaison confirms with a rating and the
 * timeline shows every step; then the steward logs a visit that raises an issue.
 * Screenshots go to .artifacts/screenshots/enterprise-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPhonePage, shot } from './support/browser';
import { startStack, type Stack } from './support/stack';
import { button, field, signIn } from './support/h5';

const FIRM = '余姚市明州光电科技有限公司';
const PROBLEM = '聚碳酸酯原料断供，库存只够三天';
const VISIT_PROBLEM = '外省员工 20 人无法返岗，流水线缺人';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ seed: 'demo' }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const chip = (page: Page, label: string) =>
  page.locator('.w-chips__chip', { hasText: new RegExp(`^\\s*${label}\\s*$`) });

async function openTile(page: Page, title: string): Promise<void> {
  await page.locator('.tile-grid__title', { hasText: title }).click();
}

describe('enterprise issues on the H5 build', () => {
  let issueUrl = '';

  it('when a liaison reports, the steward dispatches, the officer answers and the liaison confirms, then the timeline shows every step', async () => {
    const liaison = await newPhonePage(browser);
    await signIn(stack, liaison, '13800000002');
    await openTile(liaison, '复工进度');
    await liaison.getByText(FIRM).waitFor();
    await shot(liaison, 'enterprise-liaison-home');
    await button(liaison, '申报问题').click();
    await chip(liaison, '原材料').click();
    await chip(liaison, '紧急').click();
    await field(liaison, '请描述遇到的困难，如缺工人数、缺少的原材料').fill(PROBLEM);
    await button(liaison, '提交问题').click();
    await liaison.getByText('【原材料】已提交').waitFor();
    issueUrl = liaison.url();
    expect(issueUrl).toMatch(/issue-detail\/index\?id=[0-9a-f]{24}/);
    await shot(liaison, 'enterprise-issue-submitted');

    const steward = await newPhonePage(browser);
    await signIn(stack, steward, '13800000003');
    await openTile(steward, '我的企业');
    // The home's to-do rows name the firm too, and stay visible until 我的企业 has slid over them:
    // a text match can land on the row that is about to be hidden. The firm's row on this page is
    // the one to press.
    await steward.locator('.steward-enterprises__item', { hasText: FIRM }).click();
    await steward.getByText(`【原材料】${PROBLEM}`).click();
    await button(steward, '受理').click();
    await steward.getByText('【原材料】已受理').waitFor();
    await chip(steward, '人社局').click();
    await button(steward, '派单').click();
    await steward.getByText('【原材料】已派单').waitFor();
    await shot(steward, 'enterprise-issue-dispatched');

    const officer = await newPhonePage(browser);
    await signIn(stack, officer, '13800000004');
    await openTile(officer, '待办问题');
    await officer.getByText(PROBLEM).click();
    await field(officer, '请填写答复内容').fill('已协调上游供应商优先供货，三日内到厂');
    await button(officer, '提交答复').click();
    await officer.getByText('【原材料】已答复').waitFor();
    await shot(officer, 'enterprise-issue-answered');

    await liaison.goto(issueUrl);
    await liaison.getByText('【原材料】已答复').waitFor();
    await chip(liaison, '5 分').click();
    await button(liaison, '确认已解决').click();
    await liaison.getByText('【原材料】已确认').waitFor();
    const steps = await liaison.locator('.timeline__type').allTextContents();
    expect(steps).toEqual(['提交问题', '受理', '派单', '答复', '确认办结']);
    await expect(liaison.getByText('评分 5 分').isVisible()).resolves.toBe(true);
    await shot(liaison, 'enterprise-issue-confirmed');
  });

  it("when a steward logs a visit with a problem, then the visit is recorded and the problem appears as the firm's issue", async () => {
    const steward = await newPhonePage(browser);
    await signIn(stack, steward, '13800000003');
    await openTile(steward, '我的企业');
    // The home's to-do rows name the firm too, and stay visible until 我的企业 has slid over them:
    // a text match can land on the row that is about to be hidden. The firm's row on this page is
    // the one to press.
    await steward.locator('.steward-enterprises__item', { hasText: FIRM }).click();
    await button(steward, '记录走访').click();
    await field(steward, '如 车间、食堂、宿舍').fill('注塑车间');
    const met = steward.locator('.w-chips__chip', { hasText: /^\s*达标\s*$/ });
    const count = await met.count();
    expect(count).toBe(11);
    for (let i = 0; i < count; i += 1) await met.nth(i).click();
    await chip(steward, '用工').click();
    await field(steward, '问题描述').fill(VISIT_PROBLEM);
    await button(steward, '添加问题').click();
    await steward.getByText(`【用工】${VISIT_PROBLEM}`).waitFor();
    await shot(steward, 'enterprise-visit-form');
    await button(steward, '提交走访记录').click();
    await steward.getByText(/注塑车间/).waitFor();
    await steward.getByText(`【用工】${VISIT_PROBLEM}`).waitFor();
    await expect(steward.getByText(/发现问题 1 个/).isVisible()).resolves.toBe(true);
    await shot(steward, 'enterprise-visit-logged');
  });
});
