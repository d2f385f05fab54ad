/**
 * 企业名录导入 on the H5 build: the command (13800000006) chooses a registry saved by Chinese
 * Excel (CSV in GBK) with one bad row, imports it, sees 新增 2 · 未导入 1, downloads the per-row
 * report and finds the bad row's reason in it. Screenshots go to .artifacts/screenshots/registry-*.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { creditCode, encodeGbk } from '../../apps/bff/src/test-support';
import { newPhonePage, shot } from './support/browser';
import { button, signIn } from './support/h5';
import { useDemoStack } from './support/lifecycle';

const demo = useDemoStack();

const HEADER = '企业名称,统一社会信用代码,所属行业,企业规模,行政区划代码,地址,职工人数';
const row = (name: string, code: string) => `${name},${code},精密制造,规上,330281,余姚市阳明街道,120`;

describe('企业名录导入 (registry import) on the H5 build', () => {
  it('when the command imports a GBK registry with a bad row, then the good rows go in and the report names the bad one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-'));
    const file = path.join(dir, '余姚名录-GBK.csv');
    const csv = [
      HEADER,
      row('余姚甲光电', creditCode(9101)),
      row('余姚乙模具', creditCode(9102)),
      row('余姚丙', '12345'),
    ];
    fs.writeFileSync(file, encodeGbk(csv.join('\r\n')));

    const page = await newPhonePage(demo.browser());
    await signIn(demo.stack(), page, '13800000006');
    await page.locator('.tile-grid__title', { hasText: '名录导入' }).click();
    await page.waitForURL(/admin\/pages\/registry-import\/index/);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button(page, '选择文件').click()]);
    await chooser.setFiles(file);
    await page.getByText('余姚名录-GBK.csv（1 KB）').waitFor();
    await button(page, '开始导入').click();

    const result = page.locator('.registry-import__result');
    await result.waitFor();
    expect(await result.textContent()).toContain('新增 2 · 更新 0 · 未导入 1');
    expect(await result.textContent()).toContain('编码 GB18030');
    await shot(page, 'registry-imported');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      button(page, '下载逐行报告').click(),
    ]);
    expect(download.suggestedFilename()).toBe('名录导入报告-余姚名录-GBK.csv');
    const report = fs.readFileSync((await download.path())!, 'utf8').split('\r\n');
    expect(report[0]).toBe('\ufeff行号,统一社会信用代码,企业名称,结果,原因');
    expect(report.find((l) => l.includes('余姚甲光电'))).toContain('新增');
    expect(report.find((l) => l.includes('余姚丙'))).toMatch(/未导入,统一社会信用代码：/);
    await page.context().close();
  });
});
