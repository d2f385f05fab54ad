import type { Response } from 'supertest';
import { Types } from 'mongoose';
import { FREIGHT_COMMITMENT } from '@fugong/contracts';
import type { Caller } from './support/people';
import { fullChecklist } from '../../apps/bff/src/test-support';
import { JPEG, PNG, type World } from './support/scope-world';
import { SUBSIDY_SCOPE_FIXTURES } from './subsidy-scope-fixtures';
import { PROJECT_SCOPE_FIXTURES } from './project-scope-fixtures';
import { SUPPLY_SCOPE_FIXTURES } from './supply-scope-fixtures';
import { LABOUR_SCOPE_FIXTURES } from './labour-scope-fixtures';
import { HOTLINE_SCOPE_FIXTURES } from './hotline-scope-fixtures';
import { CONSOLE_SCOPE_FIXTURES } from './console-scope-fixtures';
import { SHARING_SCOPE_FIXTURES } from './sharing-scope-fixtures';

/** One request of a scope fixture. `refused` judges a 2xx that must still show nothing of the outsider's record. */
export interface ScopedRequest {
  who: Caller;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  url: string;
  body?: unknown;
  /** Files sent as multipart/form-data instead of a JSON body (field → bytes). */
  files?: Record<string, Buffer>;
  /** The name the files are sent under (`<field>.jpg` when absent). */
  filename?: string;
  refused?: (res: Response) => boolean;
}

/** In-scope must succeed; each out-of-scope request must be refused (403/404, or `refused`) and write nothing. */
export type ScopeFixture =
  | ((w: World) => Promise<{ inScope: ScopedRequest; outOfScope: ScopedRequest[] }>)
  | { byConstruction: string };

const get = (who: Caller, url: string, refused?: ScopedRequest['refused']): ScopedRequest => ({
  who,
  method: 'get',
  url,
  refused,
});
const post = (
  who: Caller,
  url: string,
  body: unknown = {},
  refused?: ScopedRequest['refused'],
): ScopedRequest => ({ who, method: 'post', url, body, refused });
/** A freight pass of firm A, approved at once, driven by worker A (matched by their stored phone). */
async function freightPassOfA(w: World): Promise<string> {
  const user = await w.t.container.repos.users.findById(w.workerA.id);
  const now = w.t.clock.now().getTime();
  return w.ok(
    await w.t.http
      .post('/api/freight-passes')
      .set(w.liaisonA.auth)
      .send({
        plate: '浙B12345',
        vehicleType: 'van',
        driver: {
          name: '王师傅',
          phone: w.t.container.pii.decrypt(user!.phoneEnc!),
          idNumber: '11010519491231002X',
        },
        cargo: 'epidemic_supplies',
        route: {
          originRegionCode: '330281',
          originText: '余姚',
          destinationRegionCode: '310115',
          destinationText: '上海',
        },
        validFrom: new Date(now).toISOString(),
        validUntil: new Date(now + 86_400_000).toISOString(),
        commitment: { accepted: true, version: FREIGHT_COMMITMENT.version },
      }),
    'freight pass',
  );
}
const lacks = (id: string) => (res: Response) => res.status < 300 && !res.text.includes(id);

/** The same read of firm A allowed to A's liaison and refused to A's liaison for B and to A's steward for B. */
const perFirm = (suffix: string) => async (w: World) => ({
  inScope: get(w.liaisonA, `/api/enterprises/${w.firmA}${suffix}`),
  outOfScope: [
    get(w.liaisonA, `/api/enterprises/${w.firmB}${suffix}`),
    get(w.stewardA, `/api/enterprises/${w.firmB}${suffix}`),
  ],
});

const HOME = { province: '520000', city: '520100', county: '520102' };
const issueBody = (enterpriseId: string) => ({
  enterpriseId,
  category: 'labour',
  urgency: 'normal',
  description: '缺少熟练工 40 人',
});
const reopening = {
  reopened: true,
  reopenedSince: '2026-02-20',
  staffOnSite: 80,
  staffTotal: 100,
  capacityPercent: 85,
};

/**
 * Route id → how to prove its record scope. Every route whose policy scope is not 'none'/'all'
 * and that names a record in its input must appear here (record-scope.test.ts fails otherwise).
 */
export const SCOPE_FIXTURES: Record<string, ScopeFixture> = {
  'enterprises.get': perFirm(''),
  'enterprises.overview': perFirm('/overview'),
  'enterprises.staff': perFirm('/staff'),
  'reopening.history': perFirm('/reopening'),
  'stewards.history': perFirm('/steward-assignments'),
  'visits.list': perFirm('/visits'),
  'reopening.report': async (w) => ({
    inScope: {
      who: w.liaisonA,
      method: 'put',
      url: `/api/enterprises/${w.firmA}/reopening/today`,
      body: reopening,
    },
    outOfScope: [
      { who: w.liaisonA, method: 'put', url: `/api/enterprises/${w.firmB}/reopening/today`, body: reopening },
      { who: w.stewardA, method: 'put', url: `/api/enterprises/${w.firmB}/reopening/today`, body: reopening },
    ],
  }),
  'enterprises.list': async (w) => ({
    inScope: get(w.stewardA, '/api/enterprises'),
    outOfScope: [
      get(w.stewardA, '/api/enterprises', lacks(w.firmB)),
      get(w.stewardA, `/api/enterprises?q=${encodeURIComponent('测试')}`, lacks(w.firmB)),
    ],
  }),
  'charters.create': async (w) => {
    const body = (enterpriseId: string) => ({
      enterpriseId,
      workers: 5,
      originRegionCode: '520102',
      originName: '贵阳',
      pickupPoint: '贵阳站',
      earliestArrival: '2026-03-10',
      latestArrival: '2026-03-12',
    });
    return {
      inScope: post(w.liaisonA, '/api/charters', body(w.firmA)),
      outOfScope: [
        post(w.liaisonA, '/api/charters', body(w.firmB)),
        post(w.stewardA, '/api/charters', body(w.firmB)),
      ],
    };
  },
  'charters.list': async (w) => ({
    inScope: get(w.liaisonA, '/api/charters'),
    outOfScope: [
      get(w.liaisonA, `/api/charters?enterpriseId=${w.firmB}`, lacks(w.charterB)),
      get(w.stewardA, `/api/charters?enterpriseId=${w.firmB}`, lacks(w.charterB)),
    ],
  }),
  // Open requests are visible to every firm that might join them (抱团); a closed one only to its participants.
  'charters.get': async (w) => {
    const id = await w.ok(await w.charter(w.liaisonA, w.firmA), 'charter');
    await w.ok(await w.t.http.post(`/api/charters/${id}/cancel`).set(w.liaisonA.auth), 'cancel');
    return {
      inScope: get(w.liaisonA, `/api/charters/${id}`),
      outOfScope: [get(w.stewardB, `/api/charters/${id}`), get(w.liaisonB, `/api/charters/${id}`)],
    };
  },
  'charters.join': async (w) => ({
    inScope: post(w.liaisonB, `/api/charters/${w.charterA}/join`, { enterpriseId: w.firmB, workers: 1 }),
    outOfScope: [post(w.liaisonA, `/api/charters/${w.charterB}/join`, { enterpriseId: w.firmB, workers: 1 })],
  }),
  'charters.cancel': async (w) => {
    const id = await w.ok(await w.charter(w.liaisonA, w.firmA), 'charter');
    return {
      inScope: post(w.liaisonA, `/api/charters/${id}/cancel`, undefined),
      outOfScope: [
        post(w.liaisonB, `/api/charters/${id}/cancel`, undefined),
        post(w.stewardB, `/api/charters/${id}/cancel`, undefined),
      ],
    };
  },
  'visits.create': async (w) => {
    const body = (enterpriseId: string) => ({
      enterpriseId,
      place: '车间',
      checklist: fullChecklist(),
      findings: '检查',
    });
    return {
      inScope: post(w.stewardA, '/api/visits', body(w.firmA)),
      outOfScope: [post(w.stewardA, '/api/visits', body(w.firmB))],
    };
  },
  'visits.get': async (w) => ({
    inScope: get(w.liaisonA, `/api/visits/${w.visitA}`),
    outOfScope: [get(w.liaisonB, `/api/visits/${w.visitA}`), get(w.stewardB, `/api/visits/${w.visitA}`)],
  }),
  'attachments.upload': async (w) => {
    const body = (enterpriseId: string) => ({
      enterpriseId,
      filename: 'b.png',
      contentType: 'image/png',
      dataBase64: PNG.toString('base64'),
    });
    return {
      inScope: post(w.liaisonA, '/api/attachments', body(w.firmA)),
      outOfScope: [
        post(w.liaisonA, '/api/attachments', body(w.firmB)),
        post(w.stewardB, '/api/attachments', body(w.firmA)),
      ],
    };
  },
  'attachments.get': async (w) => ({
    inScope: get(w.liaisonA, `/api/attachments/${w.attachmentA}`),
    outOfScope: [
      get(w.liaisonB, `/api/attachments/${w.attachmentA}`),
      get(w.stewardB, `/api/attachments/${w.attachmentA}`),
      get(w.jtj, `/api/attachments/${w.attachmentA}`),
    ],
  }),
  'issues.photos.upload': async (w) => {
    const upload = (who: Caller, issueId: string): ScopedRequest => ({
      who,
      method: 'post',
      url: `/api/issues/${issueId}/photos`,
      files: { file: JPEG },
    });
    return {
      inScope: upload(w.liaisonA, w.issueA),
      outOfScope: [upload(w.liaisonB, w.issueA), upload(w.stewardB, w.issueA)],
    };
  },
  'issues.photos.list': async (w) => ({
    inScope: get(w.rsj, `/api/issues/${w.issueA}/photos`),
    outOfScope: [
      get(w.jtj, `/api/issues/${w.issueA}/photos`),
      get(w.liaisonB, `/api/issues/${w.issueA}/photos`),
      get(w.stewardB, `/api/issues/${w.issueA}/photos`),
    ],
  }),
  'photos.get': async (w) => ({
    inScope: get(w.rsj, `/api/photos/${w.photoA}`),
    outOfScope: [
      get(w.jtj, `/api/photos/${w.photoA}`),
      get(w.liaisonB, `/api/photos/${w.photoA}`),
      get(w.stewardB, `/api/photos/${w.photoA}`),
    ],
  }),
  'photos.thumbnail': async (w) => ({
    inScope: get(w.liaisonA, `/api/photos/${w.photoA}/thumbnail`),
    outOfScope: [
      get(w.jtj, `/api/photos/${w.photoA}/thumbnail`),
      get(w.liaisonB, `/api/photos/${w.photoA}/thumbnail`),
      get(w.stewardB, `/api/photos/${w.photoA}/thumbnail`),
    ],
  }),
  'issues.create': async (w) => ({
    inScope: post(w.liaisonA, '/api/issues', issueBody(w.firmA)),
    outOfScope: [
      post(w.liaisonA, '/api/issues', issueBody(w.firmB)),
      post(w.stewardB, '/api/issues', issueBody(w.firmA)),
    ],
  }),
  'issues.list': async (w) => ({
    inScope: get(w.rsj, '/api/issues'),
    outOfScope: [
      get(w.jtj, '/api/issues', lacks(w.issueA)),
      get(w.liaisonB, '/api/issues', lacks(w.issueA)),
      get(w.liaisonB, `/api/issues?enterpriseId=${w.firmA}`, lacks(w.issueA)),
      get(w.stewardB, '/api/issues', lacks(w.issueA)),
    ],
  }),
  'issues.get': async (w) => ({
    inScope: get(w.rsj, `/api/issues/${w.issueA}`),
    outOfScope: [
      get(w.jtj, `/api/issues/${w.issueA}`),
      get(w.liaisonB, `/api/issues/${w.issueA}`),
      get(w.stewardB, `/api/issues/${w.issueA}`),
    ],
  }),
  'issues.accept': async (w) => {
    const id = await w.issueIn('submitted');
    return {
      inScope: post(w.stewardA, `/api/issues/${id}/accept`),
      outOfScope: [post(w.stewardB, `/api/issues/${id}/accept`)],
    };
  },
  'issues.dispatch': async (w) => {
    const id = await w.issueIn('accepted');
    const body = { departmentCode: 'rsj' };
    return {
      inScope: post(w.stewardA, `/api/issues/${id}/dispatch`, body),
      outOfScope: [post(w.stewardB, `/api/issues/${id}/dispatch`, body)],
    };
  },
  'issues.transfer': async (w) => {
    const id = await w.issueIn('dispatched');
    const body = { departmentCode: 'gxj', reason: '属工信局职责' };
    return {
      inScope: post(w.rsj, `/api/issues/${id}/transfer`, body),
      outOfScope: [post(w.jtj, `/api/issues/${id}/transfer`, body)],
    };
  },
  'issues.answer': async (w) => {
    const id = await w.issueIn('dispatched');
    const body = { answer: '已协调解决用工问题' };
    return {
      inScope: post(w.rsj, `/api/issues/${id}/answer`, body),
      outOfScope: [post(w.jtj, `/api/issues/${id}/answer`, body)],
    };
  },
  'issues.confirm': async (w) => {
    const id = await w.issueIn('answered');
    const body = { rating: 5 };
    return {
      inScope: post(w.liaisonA, `/api/issues/${id}/confirm`, body),
      outOfScope: [
        post(w.liaisonB, `/api/issues/${id}/confirm`, body),
        post(w.stewardB, `/api/issues/${id}/confirm`, body),
      ],
    };
  },
  'issues.reopen': async (w) => {
    const id = await w.issueIn('answered');
    const body = { reason: '仍未解决' };
    return {
      inScope: post(w.liaisonA, `/api/issues/${id}/reopen`, body),
      outOfScope: [
        post(w.liaisonB, `/api/issues/${id}/reopen`, body),
        post(w.stewardB, `/api/issues/${id}/reopen`, body),
      ],
    };
  },
  'bookings.staff': async (w) => ({
    inScope: post(w.liaisonA, `/api/trips/${w.tripA}/staff-bookings`, { staffIds: [w.staffA.id] }),
    outOfScope: [
      post(
        w.liaisonA,
        `/api/trips/${w.tripA}/staff-bookings`,
        { staffIds: [w.staffB.id] },
        (res) => res.status < 300 && res.body.results.every((r: { booking: unknown }) => r.booking === null),
      ),
      post(w.liaisonB, `/api/trips/${w.tripA}/staff-bookings`, { staffIds: [w.staffB.id] }),
    ],
  }),
  // The offline boarding code of worker A's booking: only worker A's phone may fetch it.
  'bookings.boardingToken': async (w) => ({
    inScope: post(w.workerA, `/api/bookings/${w.bookingA}/boarding-token`, { deviceId: 'a'.repeat(32) }),
    outOfScope: [post(w.workerB, `/api/bookings/${w.bookingA}/boarding-token`, { deviceId: 'b'.repeat(32) })],
  }),
  // Arrival needs a boarded booking on a coach that has left: worker A's earlier trip (a copy of
  // A's trip that departed an hour ago), boarded (stored as the marshal leaves it).
  'bookings.arrive': async (w) => {
    const db = w.t.connection.db!;
    const bookings = db.collection('bookings');
    const a = await bookings.findOne({ _id: new Types.ObjectId(w.bookingA) });
    const trip = await db.collection('trips').findOne({ _id: a!.tripId });
    const departed = await db.collection('trips').insertOne({
      ...trip,
      _id: new Types.ObjectId(),
      departureAt: new Date(w.t.clock.now().getTime() - 3_600_000),
      travelDay: '2020-02-01',
    });
    const { insertedId } = await bookings.insertOne({
      ...a,
      _id: new Types.ObjectId(),
      tripId: departed.insertedId,
      live: null,
      travelDay: '2020-02-01',
      status: 'boarded',
      boardedAt: w.t.clock.now(),
    });
    const url = `/api/bookings/${insertedId.toHexString()}/arrival`;
    return { inScope: post(w.workerA, url, undefined), outOfScope: [post(w.workerB, url, undefined)] };
  },
  'bookings.cancel': async (w) => ({
    inScope: post(w.workerA, `/api/bookings/${w.bookingA}/cancel`, undefined),
    outOfScope: [post(w.workerB, `/api/bookings/${w.bookingA}/cancel`, undefined)],
  }),
  // A liaison's enterprise is their authorization scope; moving it through their own profile would be an escalation.
  'profile.update': async (w) => {
    const profile = (enterpriseId: string | null) => ({
      name: '张建国',
      idNumber: '11010519491231002X',
      homeRegion: HOME,
      enterpriseId,
    });
    return {
      inScope: { who: w.workerB, method: 'put', url: '/api/profile', body: profile(w.firmA) },
      outOfScope: [{ who: w.liaisonA, method: 'put', url: '/api/profile', body: profile(w.firmB) }],
    };
  },
  'freight.get': async (w) => {
    const id = await freightPassOfA(w);
    return {
      inScope: get(w.liaisonA, `/api/freight-passes/${id}`),
      outOfScope: [get(w.liaisonB, `/api/freight-passes/${id}`)],
    };
  },
  'freight.driver': async (w) => {
    const id = await freightPassOfA(w);
    return {
      inScope: get(w.liaisonA, `/api/freight-passes/${id}/driver`),
      outOfScope: [get(w.liaisonB, `/api/freight-passes/${id}/driver`)],
    };
  },
  // Only the driver (by their phone) gets the QR; the firm that applied does not.
  'freight.token': async (w) => {
    const id = await freightPassOfA(w);
    return {
      inScope: get(w.workerA, `/api/freight-passes/${id}/token`),
      outOfScope: [
        get(w.workerB, `/api/freight-passes/${id}/token`),
        get(w.liaisonA, `/api/freight-passes/${id}/token`),
      ],
    };
  },
  'inbox.read': async (w) => {
    // A notice as the outbox delivers one (waitlist promotion, time change): only its person marks it read.
    await w.t.container.inbox.service.deliver({
      key: `scope:inbox:${w.workerA.id}`,
      userId: w.workerA.id,
      kind: 'time_changed',
      title: '班车时间调整',
      body: '余姚班车发车时间改为 08:30',
      page: 'pages/my-bookings/index',
    });
    const list = await w.t.http.get('/api/inbox').set(w.workerA.auth);
    const url = `/api/inbox/${(list.body as { items: { id: string }[] }).items[0].id}/read`;
    return { inScope: post(w.workerA, url), outOfScope: [post(w.workerB, url)] };
  },
  'bookings.create': {
    byConstruction: 'books a seat for the signed-in worker only; tripId names a published (public) trip',
  },
  ...SUBSIDY_SCOPE_FIXTURES,
  ...PROJECT_SCOPE_FIXTURES,
  ...SUPPLY_SCOPE_FIXTURES,
  ...LABOUR_SCOPE_FIXTURES,
  ...HOTLINE_SCOPE_FIXTURES,
  ...CONSOLE_SCOPE_FIXTURES,
  ...SHARING_SCOPE_FIXTURES,
};
