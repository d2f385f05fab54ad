/**
 * The transport officer's 班次管理 on the H5 build with the demo data: 13800000005 creates a
 * trip to a demo firm (capacity shown from the occupancy cap), saves it as a draft, publishes it
 * from the list and sees it published. Screenshots go to .artifacts/screenshots/trip-admin-*.png.
 */
import { newPhonePage, shot } from './support/browser';
import { useDemoStack } from './support/lifecycle';
import { button, field, signIn } from './support/h5';

const demo = useDemoStack();

/** Tomorrow 08:00 in China time, as the form takes it: far enough ahead to publish. */
function tomorrowMorning(): string {
  const day = new Date(Date.now() + 8 * 3_600_000 + 24 * 3_600_000).toISOString().slice(0, 10);
  return `${day} 08:00`;
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
});
