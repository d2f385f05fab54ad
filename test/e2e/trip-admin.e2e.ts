/**
 * The transport officer's 班次管理 on the H5 build with the demo data: 13800000005 creates a
 * trip to a demo firm (capacity shown from the occupancy cap), saves it as a draft, publishes it
 * from the list and sees it published; then turns a firm's 包车需求 into a trip (time and coach
 * prefilled), confirmed, and publishes it. Screenshots go to .artifacts/screenshots/trip-admin-*.png.
 */
import { newPhonePage, shot } from './support/browser';
import { useDemoStack } from './support/lifecycle';
import { apiSignIn } from './support/api-session';
import { button, field, signIn } from './support/h5';

const demo = useDemoStack();

/** The China-time day `days` from today, `YYYY-MM-DD`. */
const chinaDayIn = (days: number) =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** Tomorrow 08:00 in China time, as the form takes it: far enough ahead to publish. */
function tomorrowMorning(): string {
  return `${chinaDayIn(1)} 08:00`;
}

describe('transport officer’s trip management on the H5 build', () => {
  it('when the officer creates a trip and publishes it, then the list shows it as published', async () => {
    const page = await newPhonePage(demo.browser());
    await signIn(demo.stack(), page, '13800000005');
    await page.locator('.tile-grid__title', { hasText: '班次管理' }).click();
    await page.waitForURL(/transport\/pages\/trip-admin\/index/);
    await button(page, '新建班次').click();
    await page.waitForURL(/transport\/pages\/trip-form\/index/);

    const origin = `毕节市七星关区${Date.now() % 10_000}`;
    await field(page, '如 贵阳市南明区').fill(origin);
    // The origin county is picked from the GB/T 2260 cascader, not typed as a code.
    await page.getByRole('button', { name: '出发地所在县（区）' }).click();
    for (const place of ['贵州省', '毕节市', '七星关区'])
      await page.locator('.region-picker__item', { hasText: new RegExp(`^${place}$`) }).click();
    await page.locator('.region-picker__value', { hasText: '贵州省 毕节市 七星关区' }).waitFor();
    await field(page, '多个上车点用顿号“、”分隔').fill('七星关区人社局、毕节站');
    await field(page, '如 2026-03-06 07:00').fill(tomorrowMorning());
    await field(page, '如 贵A12345').fill('贵F52018');
    await field(page, '核定座位数').fill('45');
    await field(page, '司机姓名').fill('杨师傅');
    await page.getByText('限载 22 人（45 座 × 客座率 50%）').waitFor();
    await field(page, '搜索目的企业名称').fill('明州');
    await button(page, '搜索').click();
    await page.locator('.w-chips__chip', { hasText: '余姚市明州光电科技有限公司' }).click();
    await field(page, '下车点（余姚市明州光电科技有限公司）').waitFor();
    await shot(page, 'trip-admin-form');
    await button(page, '保存草稿').click();

    await page.waitForURL(/transport\/pages\/trip-admin\/index/);
    const card = page.locator('.trip-card', { hasText: origin });
    await card.locator('.trip-card__status', { hasText: '草稿' }).waitFor();
    await card.locator('taro-button-core', { hasText: /^\s*发布\s*$/ }).click();
    await page.locator('.taro-model__confirm', { hasText: '发布' }).click();
    await card.locator('.trip-card__status', { hasText: '已发布' }).waitFor();
    await card.locator('taro-button-core', { hasText: /^\s*上车核验\s*$/ }).waitFor();
    await shot(page, 'trip-admin-published');
  });

  it('when the officer turns a charter request into a trip, then time and coach are prefilled, the conversion is confirmed and the trip is published', async () => {
    // The firm's liaison files the request through the API: the liaison's form is tested elsewhere.
    const liaison = await apiSignIn(demo.stack(), '13800000002');
    const me = await liaison.call<{ enterpriseId: string }>('GET', '/api/me');
    const origin = `兴义市包车${Date.now() % 10_000}`;
    const arrival = chinaDayIn(3);
    await liaison.call('POST', '/api/charters', {
      enterpriseId: me.enterpriseId,
      workers: 20,
      originRegionCode: '522301',
      originName: origin,
      pickupPoint: '兴义市人社局门口',
      earliestArrival: arrival,
      latestArrival: chinaDayIn(5),
      namedStaff: [],
      note: '',
    });

    const page = await newPhonePage(demo.browser());
    await signIn(demo.stack(), page, '13800000005');
    await page.locator('.tile-grid__title', { hasText: '班次管理' }).click();
    await page.waitForURL(/transport\/pages\/trip-admin\/index/);
    await button(page, '包车需求转班次').click();
    await page.waitForURL(/transport\/pages\/charter-convert\/index/);
    const group = page.locator('.charter-convert__group', { hasText: origin });
    await group.waitFor();
    await shot(page, 'trip-admin-charters');
    await group.locator('.w-row', { hasText: '20 人' }).click();
    await page.waitForURL(/charter-convert\/index\?ids=/);

    // Prefilled from the request: 07:00 on the earliest arrival day, a coach that carries all 20.
    await page.getByText('共 20 人，每班限载 22 人（45 座 × 50%），将生成 1 个草稿班次').waitFor();
    expect(await field(page, '如 2026-03-06 07:00').inputValue()).toBe(`${arrival} 07:00`);
    await field(page, '如 贵A12345').fill('贵E52019');
    await field(page, '司机姓名').fill('罗师傅');
    await shot(page, 'trip-admin-charter-form');
    await button(page, '转为草稿班次').click();
    await page.locator('.taro-model__confirm', { hasText: '转换' }).click();
    await page.getByText('已生成 1 个班次').waitFor();
    const draft = page.locator('.charter-convert__draft', { hasText: '贵E52019' });
    await draft.locator('.charter-convert__status', { hasText: '草稿' }).waitFor();
    await draft.locator('taro-button-core', { hasText: /^\s*发布\s*$/ }).click();
    await page.locator('.taro-model__confirm', { hasText: '发布' }).click();
    await draft.locator('.charter-convert__status', { hasText: '已发布' }).waitFor();
    await shot(page, 'trip-admin-charter-published');

    // The request is no longer waiting for a coach.
    const charters = await liaison.call<{ items: { originName: string; state: string }[] }>(
      'GET',
      `/api/charters?enterpriseId=${me.enterpriseId}`,
    );
    expect(charters.items.find((c) => c.originName === origin)?.state).toBe('converted');
  });
});
