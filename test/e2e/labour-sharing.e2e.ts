/**
 * 用工调剂 on the H5 build with the demo data: the demo liaison 13800000002 posts idle staff through
 * the 发布用工调剂 form; a second firm (registered by the command, its shortage post set up through
 * the API) finds that post among other firms' posts, proposes to borrow four people on its terms,
 * and the demo liaison confirms — after which both firms see the arrangement as agreed and the
 * lender's post counts the four. Screenshots go to .artifacts/screenshots/sharing-*.png.
 */
import type { Page } from 'playwright-core';
import { newPhonePage, shot } from './support/browser';
import { button, field, signIn } from './support/h5';
import { useDemoStack } from './support/lifecycle';
import { secondFirm } from './support/second-firm';

const demo = useDemoStack();
const run = String(Date.now() % 100_000).padStart(5, '0');
/** An industry (工种) no demo post has, so the cards found are this test's. */
const TRADE = `镜片装配${run}`;
const TERMS = `装配线普工，借用单位按日结算工资${run}`;
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

async function openSharing(page: Page): Promise<void> {
  await page.goto(`${demo.stack().webUrl}/#/pages/home/index`);
  await page.locator('.tile-grid__title', { hasText: '用工调剂' }).click();
  await page.waitForURL(/labour\/pages\/sharing\/index/);
}
const chip = (page: Page, label: string) =>
  page.locator('.w-chips__chip', { hasText: new RegExp(`^\\s*${label}\\s*$`) });
/** Today on the phone's date wheel: open it and confirm what it shows. */
async function pickToday(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: label }).click();
  await page.locator('.weui-picker__action', { hasText: '确定' }).filter({ visible: true }).click();
  await page.getByRole('button', { name: label }).getByText(today()).waitFor();
}

describe('用工调剂 on the H5 build', () => {
  it('when a firm posts idle staff, another firm asks to borrow them and the first confirms, then both see the arrangement agreed', async () => {
    const borrower = await secondFirm(demo.stack(), {
      name: `慈溪电子装配厂${run}`,
      run,
      regionCode: '330282',
      address: '慈溪市观海卫镇',
      liaisonPhone: `139${run}0081`.slice(0, 11),
    });
    await borrower.session.call('POST', '/api/labour/sharing/posts', {
      kind: 'shortage',
      headcount: 4,
      fromDay: today(),
      toDay: today(),
      industry: '电子装配',
      regionCode: '330282',
      note: '',
    });

    // The lender fills the form as a liaison would.
    const lender = await newPhonePage(demo.browser());
    await signIn(demo.stack(), lender, '13800000002');
    await openSharing(lender);
    await button(lender, '发布用工调剂').click();
    await lender.waitForURL(/labour\/pages\/sharing-form\/index/);
    await chip(lender, '富余员工可借出').click();
    await field(lender, '人数').fill('6');
    await field(lender, '如 制造业、电子装配').fill(TRADE);
    await lender.getByRole('button', { name: '所在县（区）' }).click();
    for (const place of ['浙江省', '宁波市', '余姚市'])
      await lender.locator('.region-picker__item', { hasText: new RegExp(`^${place}$`) }).click();
    await lender.locator('.region-picker__value', { hasText: '浙江省 宁波市 余姚市' }).waitFor();
    await pickToday(lender, '请选择开始日期');
    await pickToday(lender, '请选择结束日期');
    await shot(lender, 'sharing-form');
    await button(lender, '发布').click();
    await lender.waitForURL(/labour\/pages\/sharing\/index/);
    await lender.getByText(`富余员工可借出 · ${TRADE} 6 人（已约定 0 人）`).waitFor();

    // The borrower finds it among other firms' posts and proposes.
    const asker = await newPhonePage(demo.browser());
    await signIn(demo.stack(), asker, borrower.liaisonPhone);
    await openSharing(asker);
    const offer = asker.locator('.sharing-board', { hasText: TRADE });
    await offer.getByText(/富余员工可借出 6 人/).waitFor();
    await offer.locator('taro-button-core', { hasText: '商定借用' }).click();
    const form = asker.locator('.sharing-propose');
    await form.getByText('电子装配 4 人').waitFor(); // its own shortage post, the only one, chosen
    await field(asker, '调剂人数').fill('4');
    await field(asker, '工作内容、报酬结算、食宿安排等').fill(TERMS);
    await form.locator('.w-chips__chip', { hasText: '原用人单位缴纳' }).click();
    await shot(asker, 'sharing-propose');
    await form.locator('taro-button-core', { hasText: '发给对方确认' }).click();
    const asked = asker.locator('.sharing-agreement', { hasText: TERMS });
    await asked.getByText('待对方确认').waitFor();
    expect(await asked.locator('taro-button-core', { hasText: '确认调剂' }).count()).toBe(0);

    // The lender confirms; both now see it agreed, and the lender's post counts the four.
    await openSharing(lender);
    const proposal = lender.locator('.sharing-agreement', { hasText: TERMS });
    await proposal.getByText(`→ ${borrower.name} · 4 人`).waitFor();
    await proposal.getByText('原用人单位缴纳社保').waitFor();
    await proposal.locator('taro-button-core', { hasText: '确认调剂' }).click();
    await proposal.getByText('双方已约定').waitFor();
    await lender.getByText(`富余员工可借出 · ${TRADE} 6 人（已约定 4 人）`).waitFor();
    await shot(lender, 'sharing-agreed');
    await openSharing(asker);
    await asker.locator('.sharing-agreement', { hasText: TERMS }).getByText('双方已约定').waitFor();
    expect(await lender.locator('.sharing-agreement', { hasText: TERMS }).count()).toBe(1);
  });
});
