import { ATTACHMENT_MAX_BYTES } from '@fugong/contracts';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { assign, createEnterprise, signInAs, type Person } from '../enterprises/testing/fixtures';

let t: TestApp;
let admin: Person;
let steward: Person;
let officer: Person;
const firms: string[] = [];
const liaisons: Person[] = [];

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 2)]);

beforeAll(async () => {
  t = await startTestApp();
  admin = await signInAs(t, ['admin']);
  steward = await signInAs(t, ['steward']);
  officer = await signInAs(t, ['officer'], { departmentId: 'rsj' });
  for (let i = 0; i < 3; i += 1) {
    firms.push(await createEnterprise(t, admin, { size: 'below' }));
    liaisons.push(await signInAs(t, ['liaison'], { enterpriseId: firms[i] }));
    await assign(t, admin, firms[i], steward.id);
  }
});
afterAll(() => t.close());

const upload = (who: Person, data: Buffer, over: Record<string, unknown> = {}) =>
  t.http
    .post('/api/attachments')
    .set(who.auth)
    .send({
      enterpriseId: firms[0],
      filename: 'photo.png',
      contentType: 'image/png',
      dataBase64: data.toString('base64'),
      ...over,
    });

describe('issue attachments', () => {
  it('when a liaison uploads a PNG and reports with it, then the issue carries it and the dispatched officer can fetch the bytes', async () => {
    const up = await upload(liaisons[0], PNG);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ contentType: 'image/png', size: PNG.length });
    const issue = await t.http
      .post('/api/issues')
      .set(liaisons[0].auth)
      .send({
        enterpriseId: firms[0],
        category: 'epidemic_supplies',
        urgency: 'urgent',
        description: '口罩库存不足三天用量',
        attachmentIds: [up.body.id],
      });
    expect(issue.status).toBe(201);
    expect(issue.body.attachmentIds).toEqual([up.body.id]);
    expect((await t.http.get(`/api/attachments/${up.body.id}`).set(officer.auth)).status).toBe(404);
    await t.http.post(`/api/issues/${issue.body.id}/accept`).set(steward.auth).send({});
    await t.http
      .post(`/api/issues/${issue.body.id}/dispatch`)
      .set(steward.auth)
      .send({ departmentCode: 'rsj' });
    const img = await t.http
      .get(`/api/attachments/${up.body.id}`)
      .set(officer.auth)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(img.status).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(img.body as Buffer, PNG)).toBe(0);
    expect((await t.http.get(`/api/attachments/${up.body.id}`).set(liaisons[1].auth)).status).toBe(404);
  });

  it('when an image is over the size cap, then 413 ATTACHMENT_TOO_LARGE and nothing is stored', async () => {
    const before = await t.connection.db!.collection('issue_attachments').countDocuments();
    const big = Buffer.concat([PNG, Buffer.alloc(ATTACHMENT_MAX_BYTES, 3)]);
    const res = await upload(liaisons[0], big);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('ATTACHMENT_TOO_LARGE');
    expect(await t.connection.db!.collection('issue_attachments').countDocuments()).toBe(before);
  });

  it('when a file claims to be a JPEG but its bytes are a PNG (or text), then 415 ATTACHMENT_TYPE_INVALID', async () => {
    const asJpeg = await upload(liaisons[0], PNG, { contentType: 'image/jpeg', filename: 'a.jpg' });
    expect(asJpeg.status).toBe(415);
    expect(asJpeg.body.error.code).toBe('ATTACHMENT_TYPE_INVALID');
    expect(
      (await upload(liaisons[0], Buffer.from('<svg onload=alert(1)>'), { contentType: 'image/png' })).status,
    ).toBe(415);
    expect((await upload(liaisons[0], JPEG, { contentType: 'image/jpeg', filename: 'a.jpg' })).status).toBe(
      201,
    );
  });

  it('when a GIF is declared, then 400 with the contentType field', async () => {
    const res = await upload(liaisons[0], PNG, { contentType: 'image/gif' });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('contentType');
  });

  it("when someone else's upload is attached to an issue, then 400 and no issue is created", async () => {
    const theirs = (await upload(liaisons[0], PNG)).body.id;
    const before = await t.connection.db!.collection('issues').countDocuments();
    const res = await t.http
      .post('/api/issues')
      .set(steward.auth)
      .send({
        enterpriseId: firms[0],
        category: 'other',
        urgency: 'normal',
        description: '借用别人上传的图片',
        attachmentIds: [theirs],
      });
    expect(res.status).toBe(400);
    expect(await t.connection.db!.collection('issues').countDocuments()).toBe(before);
  });
});

describe('common problems (共性问题)', () => {
  it('when three firms report labour shortages, then the command sees one group and one policy answer answers all of them', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await t.http
        .post('/api/issues')
        .set(liaisons[i].auth)
        .send({
          enterpriseId: firms[i],
          category: 'labour',
          urgency: 'normal',
          description: `外省员工返岗难，缺工 ${10 + i} 人`,
        });
      ids.push(res.body.id);
    }
    await t.http.post(`/api/issues/${ids[1]}/accept`).set(steward.auth).send({});
    const groups = await t.http.get('/api/issues/common?minEnterprises=3').set(admin.auth);
    expect(groups.status).toBe(200);
    const labour = groups.body.items.find((g: { category: string }) => g.category === 'labour');
    expect(labour.enterprises).toBe(3);
    expect(labour.issues.map((i: { id: string }) => i.id).sort()).toEqual([...ids].sort());

    const res = await t.http
      .post('/api/issues/common/answer')
      .set(admin.auth)
      .send({ category: 'labour', issueIds: ids, answer: '开通点对点返岗直通车，企业可提交包车需求' });
    expect(res.status).toBe(200);
    expect(res.body.answered.sort()).toEqual([...ids].sort());
    for (const [i, id] of ids.entries()) {
      const detail = (await t.http.get(`/api/issues/${id}`).set(liaisons[i].auth)).body;
      expect(detail.state).toBe('answered');
      expect(detail.answer).toContain('共性问题统一答复');
      expect(detail.allowedActions).toEqual(['confirm', 'reopen']);
    }
    const again = await t.http
      .post('/api/issues/common/answer')
      .set(admin.auth)
      .send({ category: 'labour', issueIds: [ids[0]], answer: '重复答复一次试试' });
    expect(again.body).toEqual({ answered: [], skipped: [{ id: ids[0], state: 'answered' }] });
  });

  it('when a steward asks for common problems, then 403', async () => {
    expect((await t.http.get('/api/issues/common').set(steward.auth)).status).toBe(403);
  });
});
