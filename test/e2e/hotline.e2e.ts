/**
 * 热线受理 on the H5 build, with the demo data: the operator 13800000008 takes a 7712345 call about
 * the demo firm and raises it to 人社局; the 人社局 officer 13800000004 finds it in 待办问题 and
 * answers; the caller's outcome SMS appears in the BFF log (the demo gateway logs the kind and the
 * masked number, never the text), and the operator's call list shows the call closed and texted.
 * Screenshots go to .artifacts/screenshots/hotline-*.png.
 */
import type { Page } from 'playwright-core';
import { newPhonePage, shot } from './support/browser';
import { button, field, signIn } from './support/h5';
import { useDemoStack } from './support/lifecycle';

const FIRM = '余姚市明州光电科技有限公司';
const run = String(Date.now() % 10_000).padStart(4, '0');
const CALLER = `1395740${run}`;
const PROBLEM = `模具车间复工缺熟练工 30 人，请帮忙对接招工（${run}）`;
const ANSWER = '已对接劳务合作地，下周一输送熟练工 30 人';

const demo = useDemoStack();

const chip = (page: Page, label: string) =>
  page.locator('.w-chips__chip', { hasText: new RegExp(`^\\s*${label}\\s*$`) });
const openTile = (page: Page, title: string) => page.locator('.tile-grid__title', { hasText: title }).click();

/** The demo SMS gateway's log lines for a number (it logs `sms.sent` with the kind and the masked phone). */
function smsLogged(phone: string): { kind: string }[] {
  const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  return demo
    .stack()
    .output()
    .split('\n')
    .filter((line) => line.includes('"sms.sent"'))
    .map((line) => {
      try {
        return JSON.parse(line) as { kind: string; phoneMasked: string };
      } catch {
        return { kind: '', phoneMasked: '' };
      }
    })
    .filter((e) => e.phoneMasked === masked);
}

async function waitForSms(phone: string, timeoutMs = 5_000): Promise<{ kind: string }[]> {
  const deadline = Date.now() + timeoutMs;
  while (smsLogged(phone).length === 0 && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
  return smsLogged(phone);
}

describe('hotline intake on the H5 build', () => {
  it('when an operator turns a call into an issue and the officer answers it, then the caller is texted once and the call shows closed', async () => {
    const operator = await newPhonePage(demo.browser());
    await signIn(demo.stack(), operator, '13800000008');
    await openTile(operator, '登记来电');
    await chip(operator, '7712345 企业复工热线').click();
    await field(operator, '来电人手机号').fill(CALLER);
    await field(operator, '企业名称关键字').fill('明州光电');
    await button(operator, '查找企业').click();
    await chip(operator, FIRM).click();
    await chip(operator, '就业服务').click();
    await field(operator, '来电人反映的问题或咨询的事项').fill(PROBLEM);
    await chip(operator, '转为问题诉求').click();
    await chip(operator, '人社局').click();
    await shot(operator, 'hotline-call-form');
    await button(operator, '登记').click();
    await operator.getByText('【办理中】就业服务').waitFor();
    await expect(
      operator.getByText(`来电 ${CALLER.slice(0, 3)}****${CALLER.slice(-4)} · ${FIRM}`).isVisible(),
    ).resolves.toBe(true);
    expect(await operator.getByText(CALLER, { exact: false }).count()).toBe(0);
    await shot(operator, 'hotline-call-in-progress');
    expect(smsLogged(CALLER)).toEqual([]);

    const officer = await newPhonePage(demo.browser());
    await signIn(demo.stack(), officer, '13800000004');
    await openTile(officer, '待办问题');
    await officer.getByText(PROBLEM).click();
    await field(officer, '请填写答复内容').fill(ANSWER);
    await button(officer, '提交答复').click();
    await officer.getByText('已答复').first().waitFor();
    await shot(officer, 'hotline-issue-answered');

    const texts = await waitForSms(CALLER);
    expect(texts.map((t) => t.kind)).toEqual(['hotline_outcome']);

    await operator.reload();
    await operator.getByText('【已办结】就业服务').waitFor();
    await expect(operator.getByText(`答复：${ANSWER}`).isVisible()).resolves.toBe(true);
    await expect(operator.getByText('已短信告知来电人').isVisible()).resolves.toBe(true);
    await shot(operator, 'hotline-call-closed');
    expect(smsLogged(CALLER)).toHaveLength(1);
  });
});
