/**
 * 马上会办 on the H5 build with the demo data: the liaison 13800000002 lists a need on the demo 市重点
 * project, its 代办负责人 (the steward 13800000003) convenes 人社局 and 供电公司 on it, records a decision
 * with a 人社局 task, the 人社局 officer 13800000004 closes the task, and the session and the need read
 * 已办结.
 */
import type { Page } from 'playwright-core';
import { newPhonePage, shot } from './support/browser';
import { useDemoStack } from './support/lifecycle';
import { button, field, signIn } from './support/h5';

const demo = useDemoStack();
const PROJECT = '光电产业园二期厂房及配套工程';

async function openProject(page: Page, tile: string): Promise<void> {
  await page.goto(`${demo.stack().webUrl}/#/pages/home/index`);
  await page.locator('.tile-grid__title', { hasText: tile }).click();
  await page.locator('.w-row', { hasText: PROJECT }).click();
  await page.waitForURL(/projects\/pages\/project-detail\/index/);
}

/** A day a few days ahead, China time, as the due-date field takes it. */
function dayAhead(n: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
}

describe('马上会办 on the H5 build', () => {
  it('when a need is convened, decided and its task closed by the department, then the session and the need are 已办结', async () => {
    const mark = String(Date.now() % 100_000);
    const needText = `临时围挡外用工 ${mark} 人`;
    const taskText = `专场招聘 ${mark}`;

    const liaison = await newPhonePage(demo.browser());
    await signIn(demo.stack(), liaison, '13800000002');
    await openProject(liaison, '重点项目');
    await liaison.getByText('序时进度表').waitFor();
    await liaison.locator('.w-chips__chip', { hasText: /^用工保障$/ }).click();
    await field(liaison, '如 临时用电增容 2000 千伏安').fill(needText);
    await button(liaison, '列入服务清单').click();
    await liaison.locator('.w-row', { hasText: needText }).getByText('待处理').waitFor();
    await shot(liaison, 'key-project-need-listed');

    const steward = await newPhonePage(demo.browser());
    await signIn(demo.stack(), steward, '13800000003');
    await openProject(steward, '重点项目代办');
    const need = steward.locator('.w-row', { hasText: needText });
    await need.waitFor();
    await need.locator('taro-button-core', { hasText: /^\s*处理\s*$/ }).click();
    await need.locator('.w-chips__chip', { hasText: /^人社局$/ }).click();
    await need.locator('.w-chips__chip', { hasText: /^供电公司$/ }).click();
    await need.locator('taro-button-core', { hasText: /^\s*马上会办\s*$/ }).click();
    await steward.waitForURL(/projects\/pages\/project-session\/index/);
    await steward.getByText('参会部门：人社局、供电公司').waitFor();
    await field(steward, '会办决定').fill('人社局三日内组织专场招聘，供电公司保障临时用电');
    await steward.locator('.decision-form .w-chips__chip', { hasText: /^人社局$/ }).click();
    await field(steward, '任务内容').fill(taskText);
    await field(steward, '办理期限，如 2026-03-20').fill(dayAhead(3));
    await button(steward, '添加任务').click();
    await button(steward, '记录决定并下达任务').click();
    await steward.locator('.w-row', { hasText: taskText }).getByText('办理中').waitFor();
    await shot(steward, 'key-project-session-decided');

    const officer = await newPhonePage(demo.browser());
    await signIn(demo.stack(), officer, '13800000004');
    await officer.goto(`${demo.stack().webUrl}/#/pages/home/index`);
    await officer.locator('.tile-grid__title', { hasText: '会办任务' }).click();
    const task = officer.locator('.w-row', { hasText: taskText });
    await task.getByRole('textbox', { name: '办理结果（必填）' }).fill('已举办专场招聘，到岗 40 人');
    await task.locator('taro-button-core', { hasText: /^\s*办结\s*$/ }).click();
    await officer.locator('.w-row', { hasText: taskText }).getByText('已办结').waitFor();
    await shot(officer, 'key-project-task-closed');

    await steward.reload();
    await steward.locator('.w-card', { hasText: '参会部门' }).getByText('已办结').waitFor();
    await openProject(steward, '重点项目代办');
    await steward.locator('.w-row', { hasText: needText }).getByText('已办结').waitFor();
    await shot(steward, 'key-project-need-resolved');
  });
});
