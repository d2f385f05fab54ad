/**
 * The marshal scans at the coach door with the phone's camera on H5: Chromium's fake camera
 * plays a video of the worker's real boarding QR (fetched from the API after a real check-in and
 * booking), the page decodes it with jsQR, and the passenger boards. The typed box is not used.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPhonePage, shot } from './support/browser';
import { apiSignIn } from './support/api-session';
import { writeQrY4m } from './support/fake-camera';
import { button, field, signIn } from './support/h5';
import { startStack, type Stack } from './support/stack';

let stack: Stack;
let browser: Browser | undefined;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fugong-camera-'));

beforeAll(async () => {
  stack = await startStack({ seed: 'demo' });
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface TripList {
  items: { id: string; capacity: number; bookedCount: number }[];
}

describe('marshal scan with the camera (H5)', () => {
  it('when the camera shows a booked worker’s boarding QR, then it is read without typing and the worker boards', async () => {
    const worker = await apiSignIn(stack, '13900000077');
    await worker.call('POST', '/api/checkins', { temperature: 36.5, healthCode: 'green' });
    const trips = await worker.call<TripList>('GET', '/api/trips?status=published&pageSize=50');
    const trip = trips.items.find((t) => t.bookedCount < t.capacity);
    if (!trip) throw new Error('the demo data has no published trip with a free seat');
    await worker.call('POST', '/api/bookings', { tripId: trip.id });
    const { token } = await worker.call<{ token: string }>('GET', '/api/pass/token');
    const video = writeQrY4m(path.join(dir, 'boarding-qr.y4m'), token);

    browser = await launchBrowser([
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ]);
    const marshal = await newPhonePage(browser);
    await marshal.context().grantPermissions(['camera'], { origin: stack.webUrl });
    await signIn(stack, marshal, '13800000005');
    await marshal.goto(`${stack.webUrl}/#/transport/pages/marshal-scan/index?tripId=${trip.id}`);
    await button(marshal, '扫描上车码').click();
    // The decoded code lands in the box the marshal would otherwise type into.
    const box = field(marshal, '扫码结果（或粘贴上车码）');
    await marshal.waitForFunction(
      `Array.from(document.querySelectorAll('input')).some((input) => input.value === ${JSON.stringify(token)})`,
    );
    expect(await box.inputValue()).toBe(token);
    expect(await marshal.locator('.camera-scan').count()).toBe(0);
    await field(marshal, '例如 36.5').fill('36.6');
    await button(marshal, '核验上车').click();
    await marshal.getByText('核验通过', { exact: true }).waitFor();
    await shot(marshal, 'marshal-camera-boarded');

    const mine = await worker.call<{ items: { tripId: string; status: string }[] }>(
      'GET',
      '/api/bookings/mine',
    );
    expect(mine.items.find((b) => b.tripId === trip.id)?.status).toBe('boarded');
  });
});
