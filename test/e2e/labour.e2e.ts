/**
 * 用工服务 on the H5 build with the demo data, 先寻岗、再定岗: the demo liaison's firm has a vacancy
 * and the demo worker 13800000001 is a registered job seeker (both set up through the API, as the
 * forms are covered by the page tests); the worker finds the job and applies in one tap, the
 * liaison 13800000002 opens the applications and shortlists, and the worker sees 已初选.
 * Screenshots go to .artifacts/screenshots/labour-*.png.
 */
import type { Page } from 'playwright-core';
import { apiSignIn } from './support/api-session';
import { newPhonePage, shot } from './support/browser';
import { button, signIn } from './support/h5';
import { useDemoStack } from './support/lifecycle';

const demo = useDemoStack();
/** A position no demo vacancy has, so the card found is the one this test posted. */
const POSITION = `镜头模组检验员${String(Date.now() % 1000).padStart(3, '0')}`;

async function openTile(page: Page, title: string): Promise<void> {
  await page.goto(`${demo.stack().webUrl}/#/pages/home/index`);
  await page.locator('.tile-grid__title', { hasText: title }).click();
}

const card = (page: Page, text: string) => page.locator('.w-card', { hasText: text });

describe('labour services on the H5 build', () => {
  it('when a worker applies for a posted vacancy and the firm shortlists them, then each side sees the step', async () => {
    const firm = await apiSignIn(demo.stack(), '13800000002');
    await firm.call('POST', '/api/labour/vacancies', {
      position: POSITION,
      industry: '制造业',
      headcount: 3,
      wageMin: 5200,
      wageMax: 6800,
      place: {
        regionCode: '330281',
        address: '余姚市阳明街道光电路 8 号',
        point: { lng: 121.15, lat: 30.04 },
      },
      shifts: ['two_shift'],
      contractKind: 'full_time',
      certificateRequired: false,
      accommodation: true,
      meals: true,
      charterBus: true,
    });
    const seeker = await apiSignIn(demo.stack(), '13800000001');
    await seeker.call('PUT', '/api/labour/seeker', {
      name: '李春燕',
      wantedIndustries: ['制造业'],
      homeRegionCode: '520102',
      expectedWage: 5000,
      availableFrom: new Date().toISOString().slice(0, 10),
      showPassColour: true,
    });

    const worker = await newPhonePage(demo.browser());
    await signIn(demo.stack(), worker, '13800000001');
    await openTile(worker, '找工作');
    const job = card(worker, POSITION);
    await job.getByText('月薪 5200–6800 元 · 招 3 人').waitFor();
    await job.getByText('包住 · 包吃 · 可乘企业包车返岗').waitFor();
    await shot(worker, 'labour-vacancies');
    await job.locator('taro-button-core', { hasText: /^\s*投递\s*$/ }).click();
    await job.locator('taro-button-core', { hasText: /^\s*已投递\s*$/ }).waitFor();

    const liaison = await newPhonePage(demo.browser());
    await signIn(demo.stack(), liaison, '13800000002');
    await openTile(liaison, '招工岗位');
    await card(liaison, POSITION).locator('taro-button-core', { hasText: '查看投递' }).click();
    const applicant = card(liaison, `李春燕 · ${POSITION}`);
    await applicant.getByText(/^已投递 · 电话 /).waitFor();
    await shot(liaison, 'labour-applications');
    await applicant.locator('taro-button-core', { hasText: '初选通过' }).click();
    await applicant.getByText(/^已初选 · 电话 /).waitFor();

    await openTile(worker, '我的求职');
    await card(worker, POSITION).getByText('已初选').waitFor();
    await shot(worker, 'labour-my-applications');
    expect(await button(worker, '撤回投递').count()).toBeGreaterThan(0);
  });
});
