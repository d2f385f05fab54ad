import { PHOTO_MAX_BYTES } from '@fugong/contracts';
import type { Response } from 'supertest';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { assign, createEnterprise, signInAs, type Person } from '../enterprises/testing/fixtures';
import { PHOTO_BUCKET } from './photo.repository';

let t: TestApp;
let admin: Person;
let steward: Person;
let officer: Person;
let liaisonA: Person;
let liaisonB: Person;
let issueA: string;

/** A JPEG as a phone camera writes it: SOI + APP0 header, body, EOI (FF D9). */
const jpeg = (bodyBytes: number, fill = 7) =>
  Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]),
    Buffer.alloc(bodyBytes, fill),
    Buffer.from([0xff, 0xd9]),
  ]);
const HEIC = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(4000, 3)]);
const GIF = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(2000, 1)]);

beforeAll(async () => {
  t = await startTestApp();
  admin = await signInAs(t, ['admin']);
  steward = await signInAs(t, ['steward']);
  officer = await signInAs(t, ['officer'], { departmentId: 'rsj' });
  const firmA = await createEnterprise(t, admin);
  const firmB = await createEnterprise(t, admin);
  liaisonA = await signInAs(t, ['liaison'], { enterpriseId: firmA });
  liaisonB = await signInAs(t, ['liaison'], { enterpriseId: firmB });
  await assign(t, admin, firmA, steward.id);
  const issue = await t.http.post('/api/issues').set(liaisonA.auth).send({
    enterpriseId: firmA,
    category: 'epidemic_supplies',
    urgency: 'urgent',
    description: '口罩库存不足三天用量，仓库照片见附件',
  });
  issueA = issue.body.id;
}, 60_000);
afterAll(() => t.close());

const binary = (req: ReturnType<TestApp['http']['get']>) =>
  req.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

function upload(who: Person, files: Record<string, Buffer>, issueId = issueA) {
  let req = t.http.post(`/api/issues/${issueId}/photos`).set(who.auth);
  for (const [field, data] of Object.entries(files))
    req = req.attach(field, data, { filename: `${field}.jpg`, contentType: 'image/jpeg' });
  return req;
}

/** Documents in every collection an upload writes: equal before and after a refusal means nothing stored. */
async function stored() {
  const db = t.connection.db!;
  const count = (name: string) => db.collection(name).countDocuments();
  return {
    photos: await count('issue_photos'),
    files: await count(`${PHOTO_BUCKET}.files`),
    chunks: await count(`${PHOTO_BUCKET}.chunks`),
    audit: await count('audit_log'),
  };
}

function expectEnvelope(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.body.error).toMatchObject({ code });
  expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
}

describe('issue photos: multipart upload into GridFS', () => {
  it('when a liaison uploads a 3 MB photo with its thumbnail, then both are stored and read back byte for byte; reading the original is audited', async () => {
    const photo = jpeg(3 * 1024 * 1024);
    const thumb = jpeg(20 * 1024, 9);
    const res = await upload(liaisonA, { file: photo, thumbnail: thumb });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      issueId: issueA,
      contentType: 'image/jpeg',
      size: photo.length,
      hasThumbnail: true,
    });

    const list = await t.http.get(`/api/issues/${issueA}/photos`).set(steward.auth);
    expect(list.body.items.map((p: { id: string }) => p.id)).toContain(res.body.id);

    const auditBefore = (await stored()).audit;
    const original = await binary(t.http.get(`/api/photos/${res.body.id}`).set(steward.auth));
    expect(original.status).toBe(200);
    expect(original.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(original.body as Buffer, photo)).toBe(0);
    const entry = await t.connection
      .db!.collection('audit_log')
      .findOne({ action: 'photo.read', subjectId: res.body.id });
    expect(entry).toMatchObject({ actorId: steward.id, subjectType: 'issue_photo' });
    expect((await stored()).audit).toBe(auditBefore + 1);

    const small = await binary(t.http.get(`/api/photos/${res.body.id}/thumbnail`).set(liaisonA.auth));
    expect(small.status).toBe(200);
    expect(Buffer.compare(small.body as Buffer, thumb)).toBe(0);
  });

  it('when weapp sends the thumbnail as base64 text in formData (uploadFile carries one file), then it is stored as the thumbnail', async () => {
    const thumb = jpeg(8 * 1024, 4);
    const res = await t.http
      .post(`/api/issues/${issueA}/photos`)
      .set(liaisonA.auth)
      .field('thumbnail', thumb.toString('base64'))
      .attach('file', jpeg(50_000), 'wx-temp.jpg');
    expect(res.status).toBe(201);
    expect(res.body.hasThumbnail).toBe(true);
    const small = await binary(t.http.get(`/api/photos/${res.body.id}/thumbnail`).set(liaisonA.auth));
    expect(Buffer.compare(small.body as Buffer, thumb)).toBe(0);
    const before = await stored();
    const bad = await t.http
      .post(`/api/issues/${issueA}/photos`)
      .set(liaisonA.auth)
      .field('thumbnail', GIF.toString('base64'))
      .attach('file', jpeg(50_000), 'wx-temp.jpg');
    expect(bad.status).toBe(415);
    expect(await stored()).toEqual(before);
  });

  it('when the part claims image/jpeg but the bytes are HEIC, then the bytes decide the type', async () => {
    const res = await upload(steward, { file: HEIC });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ contentType: 'image/heic', hasThumbnail: false });
    expect((await t.http.get(`/api/photos/${res.body.id}/thumbnail`).set(steward.auth)).status).toBe(404);
  });

  it('when the file is a GIF or a script, then 415 ATTACHMENT_TYPE_INVALID and nothing is stored', async () => {
    const before = await stored();
    expectEnvelope(await upload(liaisonA, { file: GIF }), 415, 'ATTACHMENT_TYPE_INVALID');
    expectEnvelope(
      await upload(liaisonA, { file: Buffer.from('<svg onload=alert(1)>') }),
      415,
      'ATTACHMENT_TYPE_INVALID',
    );
    // A good original with a bad thumbnail: the original already in GridFS is removed again.
    expectEnvelope(
      await upload(liaisonA, { file: jpeg(400_000), thumbnail: GIF }),
      415,
      'ATTACHMENT_TYPE_INVALID',
    );
    expect(await stored()).toEqual(before);
  });

  it('when the photo is over 10 MB, then 413 ATTACHMENT_TOO_LARGE and none of the chunks already written stays', async () => {
    const before = await stored();
    const res = await upload(liaisonA, { file: jpeg(PHOTO_MAX_BYTES) });
    expectEnvelope(res, 413, 'ATTACHMENT_TOO_LARGE');
    expect(res.body.error.details).toMatchObject({ field: 'file', maxBytes: PHOTO_MAX_BYTES });
    expect(await stored()).toEqual(before);
    // Exactly at the cap is fine.
    expect((await upload(liaisonA, { file: jpeg(PHOTO_MAX_BYTES - 14) })).status).toBe(201);
  });

  it('when the request breaks off mid-file, or the file lacks its end, then 400 and nothing is stored', async () => {
    const before = await stored();
    const boundary = 'fugongboundary';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    );
    const cut = await t.http
      .post(`/api/issues/${issueA}/photos`)
      .set(liaisonA.auth)
      .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
      .send(Buffer.concat([head, jpeg(600_000)])); // no closing boundary
    expectEnvelope(cut, 400, 'VALIDATION_ERROR');
    expect(cut.body.error.details[0].code).toBe('truncated');
    const halfFile = jpeg(600_000).subarray(0, 300_000);
    const half = await upload(liaisonA, { file: halfFile });
    expectEnvelope(half, 400, 'VALIDATION_ERROR');
    expect(half.body.error.message).toContain('不完整');
    expect(await stored()).toEqual(before);
  });

  it("when someone uploads to another firm's issue (or an officer, or anonymously), then 404/403/401 and nothing is stored", async () => {
    const before = await stored();
    expectEnvelope(await upload(liaisonB, { file: jpeg(1000) }), 404, 'NOT_FOUND');
    expectEnvelope(await upload(officer, { file: jpeg(1000) }), 403, 'FORBIDDEN');
    const anon = await t.http.post(`/api/issues/${issueA}/photos`).attach('file', jpeg(1000), 'a.jpg');
    expectEnvelope(anon, 401, 'UNAUTHENTICATED');
    expect(await stored()).toEqual(before);
  });

  it('when another firm or an undispatched officer asks for a photo, then 404 and no audit entry; once dispatched the officer may read it', async () => {
    const id = (await upload(liaisonA, { file: jpeg(5000) })).body.id as string;
    const before = await stored();
    expectEnvelope(await t.http.get(`/api/photos/${id}`).set(liaisonB.auth), 404, 'NOT_FOUND');
    expectEnvelope(await t.http.get(`/api/photos/${id}`).set(officer.auth), 404, 'NOT_FOUND');
    expectEnvelope(await t.http.get(`/api/issues/${issueA}/photos`).set(liaisonB.auth), 404, 'NOT_FOUND');
    expect((await stored()).audit).toBe(before.audit);
    await t.http.post(`/api/issues/${issueA}/accept`).set(steward.auth).send({});
    await t.http.post(`/api/issues/${issueA}/dispatch`).set(steward.auth).send({ departmentCode: 'rsj' });
    const read = await binary(t.http.get(`/api/photos/${id}`).set(officer.auth));
    expect(read.status).toBe(200);
    expect((await stored()).audit).toBe(before.audit + 1);
  });

  it('when the body is JSON (the old base64 way), then 400; a multipart body on a JSON route, then 415; an unknown file field, then 400', async () => {
    expectEnvelope(
      await t.http.post(`/api/issues/${issueA}/photos`).set(liaisonA.auth).send({ dataBase64: 'AAAA' }),
      400,
      'VALIDATION_ERROR',
    );
    const form = await t.http.post('/api/issues').set(liaisonA.auth).attach('file', jpeg(100), 'a.jpg');
    expectEnvelope(form, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const unknownField = await t.http
      .post(`/api/issues/${issueA}/photos`)
      .set(liaisonA.auth)
      .attach('avatar', jpeg(100), 'a.jpg');
    expectEnvelope(unknownField, 400, 'VALIDATION_ERROR');
  });
});
