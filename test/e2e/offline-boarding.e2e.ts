/**
 * Where the signal drops: the worker opens the trip's boarding code once online, loses the
 * network (playwright `context.setOffline(true)`), and the phone still shows the code, marked
 * offline with the time it was fetched. The marshal, offline too, scans it: the scan is kept on
 * the marshal's phone and, back online, uploaded once by itself; the passenger reads 已上车.
 * Screenshots: .artifacts/screenshots/offline-boarding-*.png.
 */
import type { Page } from 'playwright-core';
import { apiSignIn } from './support/api-session';
import { newPhonePage, shot } from './support/browser';
import { button, field, signIn } from './support/h5';
import { useDemoStack } from './support/lifecycle';

const demo = useDemoStack();
const WORKER = '13900000066';

interface TripList {
  items: { id: string; destinations: { enterpriseId: string; dropPoint: string }[] }[];
}

/** A trip leaving in two hours (its boarding window is open), published by the transport officer. */
async function tripInTwoHours(): Promise<string> {
  const transport = await apiSignIn(demo.stack(), '13800000005');
  const some = await transport.call<TripList>('GET', '/api/trips?status=published&pageSize=5');
  const created = await transport.call<{ id: string }>('POST', '/api/trips', {
    originRegionCode: '520102',
    originName: `南明区离线测试${Date.now() % 10_000}`,
    pickupPoints: [{ name: '南明区人社局门口' }],
    destinations: some.items[0].destinations.map((d) => ({
      enterpriseId: d.enterpriseId,
      dropPoint: d.dropPoint,
    })),
    departureAt: new Date(Date.now() + 2 * 3_600_000).toISOString(),
    vehicle: { plate: '贵A66666', seats: 45 },
    driver: { name: '周师傅' },
  });
  await transport.call('POST', `/api/trips/${created.id}/publish`);
  return created.id;
}

/** The boarding code the worker's phone keeps (Taro's H5 storage is localStorage). */
async function keptCode(page: Page): Promise<string | null> {
  const stored = await page.evaluate<string>("Object.values(localStorage).join('\\n')");
  return (
    /FGB1\.[0-9a-f]{24}\.[0-9a-f]{24}\.[0-9a-f]{32}\.[0-9a-z]+\.[0-9a-z]+\.[A-Za-z0-9_-]+/.exec(
      stored,
    )?.[0] ?? null
  );
}

describe('boarding code without signal (H5)', () => {
  it('when worker and marshal lose the network, then the code still shows and the kept scan boards the worker once back online', async () => {
    const tripId = await tripInTwoHours();
    const worker = await apiSignIn(demo.stack(), WORKER);
    await worker.call('POST', '/api/checkins', { temperature: 36.5, healthCode: 'green' });
    await worker.call('POST', '/api/bookings', { tripId });

    const phone = await newPhonePage(demo.browser());
    await signIn(demo.stack(), phone, WORKER);
    await phone.goto(`${demo.stack().webUrl}/#/pages/my-bookings/index`);
    await button(phone, '出示上车码').first().click();
    await phone.getByText('上车码 · 无网络也可用').waitFor();
    await shot(phone, 'offline-boarding-online');
    const code = await keptCode(phone);
    expect(code).not.toBeNull();

    // No signal at the pickup point: the page is opened again from the trip list.
    await phone.context().setOffline(true);
    await phone.goBack();
    await button(phone, '出示上车码').first().click();
    await phone.getByText('无网络 · 离线上车码').waitFor({ timeout: 30_000 });
    await phone.getByText(/^获取于 \d{2}-\d{2} \d{2}:\d{2}，上车后或取消预订后失效$/).waitFor();
    expect(await phone.getByText('二维码已过期，请连接网络后刷新').count()).toBe(0);
    await shot(phone, 'offline-boarding-offline');

    const marshal = await newPhonePage(demo.browser());
    await signIn(demo.stack(), marshal, '13800000005');
    await marshal.goto(`${demo.stack().webUrl}/#/transport/pages/marshal-scan/index?tripId=${tripId}`);
    await field(marshal, '扫码结果（或粘贴上车码）').waitFor();
    await marshal.context().setOffline(true);
    await field(marshal, '扫码结果（或粘贴上车码）').fill(code!);
    await field(marshal, '例如 36.5').fill('36.5');
    await button(marshal, '核验上车').click();
    await marshal.getByText('无网络：已保存本次扫码，联网后自动上传核验').waitFor({ timeout: 30_000 });
    await marshal.getByText(/待上传 1 条扫码记录/).waitFor();
    await shot(marshal, 'offline-boarding-marshal-queued');

    // Back online, the phone's `online` event uploads the kept scan without a tap.
    await marshal.context().setOffline(false);
    await marshal.getByText('已上传 1 条').waitFor({ timeout: 30_000 });
    await marshal
      .getByText(/已上车$/)
      .first()
      .waitFor({ timeout: 30_000 });
    await marshal.getByText('离线扫码已全部上传').waitFor();
    await shot(marshal, 'offline-boarding-marshal-uploaded');

    const mine = await worker.call<{ items: { tripId: string; status: string }[] }>(
      'GET',
      '/api/bookings/mine',
    );
    expect(mine.items.find((b) => b.tripId === tripId)?.status).toBe('boarded');
  });
});
