import { startTestApp, type TestApp } from '../../test-support/test-app';
import { createEnterprise, signInAs, type Person } from '../enterprises/testing/fixtures';
import { PHOTO_BUCKET } from './photo.repository';

/** A retried upload stores one photo; bytes no issue holds are swept after the grace period. */
let t: TestApp;
let liaison: Person;
let other: Person;
let issueId: string;
let issue2: string;

const jpeg = (fill: number) =>
  Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]),
    Buffer.alloc(300_000, fill),
    Buffer.from([0xff, 0xd9]),
  ]);

beforeAll(async () => {
  t = await startTestApp();
  const admin = await signInAs(t, ['admin']);
  const firm = await createEnterprise(t, admin);
  liaison = await signInAs(t, ['liaison'], { enterpriseId: firm });
  other = await signInAs(t, ['liaison'], { enterpriseId: firm });
  const report = (description: string) =>
    t.http
      .post('/api/issues')
      .set(liaison.auth)
      .send({ enterpriseId: firm, category: 'epidemic_supplies', urgency: 'urgent', description });
  issueId = (await report('口罩库存不足三天用量，仓库照片见附件')).body.id;
  issue2 = (await report('消毒液库存不足，仓库照片见附件')).body.id;
}, 60_000);
afterAll(() => t.close());

const upload = (who: Person, id: string, key: string | null, data: Buffer) => {
  let req = t.http.post(`/api/issues/${id}/photos`).set(who.auth);
  if (key) req = req.set('Idempotency-Key', key);
  return req.attach('file', data, { filename: 'photo.jpg', contentType: 'image/jpeg' });
};
const count = (name: string) => t.connection.db!.collection(name).countDocuments();
const stored = async () => ({
  photos: await count('issue_photos'),
  files: await count(`${PHOTO_BUCKET}.files`),
  chunks: await count(`${PHOTO_BUCKET}.chunks`),
});

describe('photo upload retries', () => {
  it('when the phone retries an upload with the same Idempotency-Key, then one photo is stored and the retry gets it back', async () => {
    const first = await upload(liaison, issueId, 'upload-0001-abcdef', jpeg(1));
    expect(first.status).toBe(201);
    const after = await stored();
    const again = await upload(liaison, issueId, 'upload-0001-abcdef', jpeg(1));
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expect(await stored()).toEqual(after);
    const list = await t.http.get(`/api/issues/${issueId}/photos`).set(liaison.auth);
    expect(list.body.items).toHaveLength(1);
  });

  it('when twin retries race, then still one photo is stored and no stray bytes remain', async () => {
    const before = await stored();
    const [a, b] = await Promise.all([
      upload(liaison, issueId, 'upload-0002-abcdef', jpeg(2)),
      upload(liaison, issueId, 'upload-0002-abcdef', jpeg(2)),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
    const after = await stored();
    expect(after.photos).toBe(before.photos + 1);
    expect(after.files).toBe(before.files + 1);
  });

  it('when the key names another issue’s photo, then 422 and nothing is stored; another person’s same key is their own upload', async () => {
    const before = await stored();
    const reused = await upload(liaison, issue2, 'upload-0001-abcdef', jpeg(3));
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_MISMATCH');
    expect(await stored()).toEqual(before);
    const theirs = await upload(other, issueId, 'upload-0001-abcdef', jpeg(4));
    expect(theirs.status).toBe(201);
    expect((await stored()).photos).toBe(before.photos + 1);
  });
});

describe('the orphan photo sweep', () => {
  it('when bytes no photo holds are older than the grace period, then the sweep deletes them and keeps every attached photo', async () => {
    const db = t.connection.db!;
    const attached = await stored();
    // A crash mid-upload: chunks written, no files document, no photo record.
    const { mongo } = await import('mongoose');
    const bucket = new mongo.GridFSBucket(db, { bucketName: PHOTO_BUCKET, chunkSizeBytes: 1024 });
    const cut = bucket.openUploadStream('cut.jpg');
    cut.write(Buffer.alloc(5000, 9));
    await new Promise((r) => setTimeout(r, 50));
    // A finished file whose record was never written.
    const lone = bucket.openUploadStream('lone.jpg');
    await new Promise((resolve, reject) => lone.end(jpeg(5), () => resolve(undefined)).on('error', reject));
    const polluted = await stored();
    expect(polluted.chunks).toBeGreaterThan(attached.chunks);

    const sweep = t.container.issues.services.photoOrphans;
    // Within the grace period nothing is touched (an upload may still be on its way).
    expect(await sweep.run()).toEqual({ deleted: 0 });
    expect(await stored()).toEqual(polluted);

    t.clock.set(new Date(Date.now() + 7 * 60 * 60_000));
    expect(await sweep.run()).toEqual({ deleted: 2 });
    expect(await stored()).toEqual(attached);
    const photo = (await t.http.get(`/api/issues/${issueId}/photos`).set(liaison.auth)).body.items[0];
    const read = await t.http.get(`/api/photos/${photo.id}`).set(liaison.auth);
    expect(read.status).toBe(200);
    cut.on('error', () => undefined);
  });
});
