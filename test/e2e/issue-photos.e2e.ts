/**
 * Issue photos on the H5 build, with the demo data: a liaison reports an issue with a phone-sized
 * photo picked through the page's file chooser (the one the platform layer opens); the issue shows
 * its thumbnail and the steward opening the issue sees the photo full size. A text file renamed
 * .jpg and a photo over 10 MB are refused in Chinese and no photo is stored (asked of the API).
 * Screenshots go to .artifacts/screenshots/photo-*.png.
 */
import type { Page } from 'playwright-core';
import { apiSignIn, type ApiSession } from './support/api-session';
import { newPhonePage, shot } from './support/browser';
import { button, field, signIn } from './support/h5';
import { useDemoStack } from './support/lifecycle';
import { noisePng, textAsJpg } from './support/photo-files';

const FIRM = '余姚市明州光电科技有限公司';
const LIAISON = '13800000002';
const STEWARD = '13800000003';
const WIDTH = 1200;
const HEIGHT = 900;

const { stack, browser } = useDemoStack();

interface PhotoItem {
  id: string;
  size: number;
  contentType: string;
  hasThumbnail: boolean;
}

const chip = (page: Page, label: string) =>
  page.locator('.w-chips__chip', { hasText: new RegExp(`^\\s*${label}\\s*$`) });

/** Opens 问题申报 for the demo firm and fills in a 原材料 issue. */
async function startIssue(page: Page, description: string): Promise<void> {
  await page.locator('.tile-grid__title', { hasText: '复工进度' }).click();
  await page.getByText(FIRM).waitFor();
  await button(page, '申报问题').click();
  await chip(page, '原材料').click();
  await field(page, '请描述遇到的困难，如缺工人数、缺少的原材料').fill(description);
}

/** Taps 添加照片 and answers the file chooser the page opens with `file`. */
async function pickPhoto(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser');
  await button(page, '添加照片').click();
  await (await chooser).setFiles(file);
}

/** The issue the page shows, once it is on 问题详情. */
async function openedIssue(page: Page): Promise<string> {
  await page.waitForURL(/issue-detail\/index\?id=[0-9a-f]{24}/);
  return /[?&]id=([0-9a-f]{24})/.exec(page.url())![1];
}

async function submitAndOpen(page: Page): Promise<string> {
  await button(page, '提交问题').click();
  return openedIssue(page);
}

/** What the page's image element knows of its picture (this type-check has no DOM library). */
interface ShownImage {
  complete: boolean;
  naturalWidth: number;
  naturalHeight: number;
}

/** The natural size of a shown image once it has loaded (fails when it never decodes). */
async function loadedSize(page: Page, selector: string): Promise<{ width: number; height: number }> {
  const image = page.locator(selector).first();
  await image.waitFor();
  const deadline = Date.now() + 15_000;
  for (;;) {
    const seen = await image.evaluate((img: ShownImage) => ({
      complete: img.complete,
      width: img.naturalWidth,
      height: img.naturalHeight,
    }));
    if (seen.complete && seen.width > 0) return { width: seen.width, height: seen.height };
    if (Date.now() > deadline) throw new Error(`${selector} did not load a picture`);
    await page.waitForTimeout(200);
  }
}

async function photosOf(session: ApiSession, issueId: string): Promise<PhotoItem[]> {
  return (await session.call<{ items: PhotoItem[] }>('GET', `/api/issues/${issueId}/photos`)).items;
}

describe('issue photos on the H5 build', () => {
  let liaisonApi: ApiSession;

  beforeAll(async () => {
    liaisonApi = await apiSignIn(stack(), LIAISON);
  });

  it('when a liaison reports an issue with a phone photo, then the issue shows its thumbnail and the steward sees the photo', async () => {
    const photo = noisePng(WIDTH, HEIGHT);
    expect(photo.length).toBeGreaterThan(2 * 1024 * 1024);
    const liaison = await newPhonePage(browser());
    await signIn(stack(), liaison, LIAISON);
    await startIssue(liaison, '注塑车间屋顶漏雨，原料受潮');
    await pickPhoto(liaison, { name: 'roof.png', mimeType: 'image/png', buffer: photo });
    await liaison.getByText('已添加：roof.png').waitFor();
    await shot(liaison, 'photo-form');
    const issueId = await submitAndOpen(liaison);
    await liaison.getByText('现场照片（1 张）').waitFor();
    // The thumbnail the browser drew (at most 360 px), not the 1200 px original.
    const thumb = await loadedSize(liaison, '.issue-photos__thumb img');
    expect(thumb).toEqual({ width: 360, height: 270 });
    await shot(liaison, 'photo-issue-thumbnail');

    const stored = await photosOf(liaisonApi, issueId);
    expect(stored).toEqual([
      expect.objectContaining({ size: photo.length, contentType: 'image/png', hasThumbnail: true }),
    ]);

    const steward = await newPhonePage(browser());
    await signIn(stack(), steward, STEWARD);
    await steward.goto(liaison.url());
    await steward.getByText('现场照片（1 张）').waitFor();
    expect(await loadedSize(steward, '.issue-photos__thumb img')).toEqual({ width: 360, height: 270 });
    await steward.locator('.issue-photos__tile').first().click();
    // Full screen, the original itself: every pixel of it.
    expect(await loadedSize(steward, '.preview-image img')).toEqual({ width: WIDTH, height: HEIGHT });
    await shot(steward, 'photo-steward-original');
  });

  it('when the chosen file is text renamed .jpg, then the liaison is told it is not a photo and no photo is stored', async () => {
    const liaison = await newPhonePage(browser());
    await signIn(stack(), liaison, LIAISON);
    await startIssue(liaison, '供应商的会议纪要');
    await pickPhoto(liaison, { name: 'notes.jpg', mimeType: 'image/jpeg', buffer: textAsJpg() });
    await liaison.getByText('已添加：notes.jpg').waitFor();
    const uploads: number[] = [];
    liaison.on('response', (res) => {
      if (/\/api\/issues\/[0-9a-f]{24}\/photos$/.test(res.url()) && res.request().method() === 'POST')
        uploads.push(res.status());
    });
    await button(liaison, '提交问题').click();
    await liaison.getByText('1 张照片未上传').waitFor();
    await liaison.getByText('notes.jpg：只能上传 JPG、PNG、WebP 或 HEIC 照片').waitFor();
    await shot(liaison, 'photo-refused-not-image');
    expect(uploads).toEqual([415]);
    await liaison.getByText('知道了').click();
    const issueId = await openedIssue(liaison);
    await liaison.getByText('【原材料】已提交').waitFor();
    expect(await liaison.getByText(/现场照片/).count()).toBe(0);
    expect(await photosOf(liaisonApi, issueId)).toEqual([]);
  });

  it('when the chosen photo is over 10 MB, then the form says so, nothing is sent and the issue has no photo', async () => {
    const big = noisePng(2000, 1800);
    expect(big.length).toBeGreaterThan(10 * 1024 * 1024);
    const liaison = await newPhonePage(browser());
    await signIn(stack(), liaison, LIAISON);
    await startIssue(liaison, '仓库照片太大');
    const uploads: string[] = [];
    liaison.on('request', (req) => {
      if (/\/photos$/.test(req.url()) && req.method() === 'POST') uploads.push(req.url());
    });
    await pickPhoto(liaison, { name: 'warehouse.png', mimeType: 'image/png', buffer: big });
    await liaison.getByText('照片超过 10 MB，请换一张或压缩后再选').waitFor();
    expect(await liaison.getByText(/已添加/).count()).toBe(0);
    await shot(liaison, 'photo-refused-too-big');
    const issueId = await submitAndOpen(liaison);
    await liaison.getByText('【原材料】已提交').waitFor();
    expect(uploads).toEqual([]);
    expect(await photosOf(liaisonApi, issueId)).toEqual([]);
  });
});
