/**
 * 产业链协同 on the H5 build with the demo data: a second firm (registered by the command, with its
 * own liaison) offers lens modules; the demo liaison 13800000002 has a demand for them. In the
 * browser the demo liaison finds the offer among the candidates (distance shown, no contact),
 * proposes, the other firm confirms (through the API, as its phone would), and only then the demo
 * liaison sees the other firm's contact. The posts are set up through the API (the form has its page tests).
 * Screenshots go to .artifacts/screenshots/supply-*.png.
 */
import type { Page } from 'playwright-core';
import { apiSignIn } from './support/api-session';
import { newPhonePage, shot } from './support/browser';
import { signIn } from './support/h5';
import { secondFirm } from './support/second-firm';
import { useDemoStack } from './support/lifecycle';

const demo = useDemoStack();
const run = String(Date.now() % 100_000).padStart(5, '0');
const OTHER_LIAISON = `139${run}0071`.slice(0, 11);

async function openTile(page: Page, title: string): Promise<void> {
  await page.goto(`${demo.stack().webUrl}/#/pages/home/index`);
  await page.locator('.tile-grid__title', { hasText: title }).click();
}
const card = (page: Page, text: string) => page.locator('.w-card', { hasText: text });
const press = (scope: ReturnType<typeof card>, label: string) =>
  scope.locator('taro-button-core', { hasText: new RegExp(`^\\s*${label}\\s*$`) }).click();

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const inDays = (n: number) =>
  new Date(Date.now() + (8 * 3600 + n * 86_400) * 1000).toISOString().slice(0, 10);
const post = (
  side: 'supply' | 'demand',
  title: string,
  point: { lat: number; lng: number },
  phone: string,
) => ({
  side,
  category: 'parts',
  title,
  quantity: 20_000,
  unit: '件',
  regionCode: '330281',
  point,
  availableFrom: today(),
  availableUntil: inDays(30),
  contact: { name: side === 'supply' ? '陈经理' : '周主任', phone },
});

/** A firm of the command's registry with its own liaison, signed in through the API. */
async function otherFirm() {
  const firm = await secondFirm(demo.stack(), {
    name: `慈溪镜头模组厂${run}`,
    run,
    regionCode: '330282',
    address: '慈溪市观海卫镇',
    industry: '光学仪器',
    liaisonPhone: OTHER_LIAISON,
  });
  return { firmName: firm.name, session: firm.session };
}

describe('supply-chain matching on the H5 build', () => {
  it('when a demand finds a nearby offer and both sides confirm, then the contact shows only after the confirmation', async () => {
    const other = await otherFirm();
    await other.session.call(
      'POST',
      '/api/supply-posts',
      post('supply', `镜头模组现货${run}`, { lat: 30.17, lng: 121.27 }, '13900000072'),
    );
    const demoFirm = await apiSignIn(demo.stack(), '13800000002');
    await demoFirm.call(
      'POST',
      '/api/supply-posts',
      post('demand', `求购镜头模组${run}`, { lat: 30.04, lng: 121.15 }, '13900000073'),
    );

    const liaison = await newPhonePage(demo.browser());
    await signIn(demo.stack(), liaison, '13800000002');
    await openTile(liaison, '供需对接');
    await press(card(liaison, `求购镜头模组${run}`), '查看匹配');
    const offer = liaison.locator('.supply-candidate', { hasText: `镜头模组现货${run}` });
    await offer.getByText(/^距离约 \d+\.\d km$/).waitFor();
    expect(await offer.textContent()).not.toContain('13900000072');
    await shot(liaison, 'supply-candidates');
    await press(offer, '发起对接');
    await offer.getByText('已发起，等待对方确认').waitFor();

    // The other firm confirms from its own phone (its pages are the same 我的对接 page, tested above in
    // the page tests); the demo liaison's page must then show the match as made.
    const matches = await other.session.call<{ items: { id: string; status: string }[] }>(
      'GET',
      '/api/supply-matches',
    );
    const proposed = matches.items.filter((m) => m.status === 'proposed');
    expect(proposed).toHaveLength(1);
    await other.session.call('POST', `/api/supply-matches/${proposed[0].id}/confirm`);

    await openTile(liaison, '我的对接');
    const match = liaison.locator('.supply-match', { hasText: `镜头模组现货${run}` });
    await match.getByText(/· 已对接$/).waitFor();
    await press(match, '查看联系方式');
    await match.getByText(`${other.firmName} 联系人 陈经理 13900000072`).waitFor();
    await shot(liaison, 'supply-match-contact');
  });
});
