import type { Response } from 'supertest';
import { vacancyBody as postingBody } from '../../apps/bff/src/test-support';
import { caller, type Caller } from './support/people';
import type { World } from './support/scope-world';
import type { ScopeFixture, ScopedRequest } from './scope-fixtures';

const must = (res: Response, what: string) => {
  if (res.status >= 300) throw new Error(`labour world: ${what} ${res.status} ${res.text.slice(0, 200)}`);
  return res.body;
};
const req = (who: Caller, method: 'get' | 'post' | 'put', url: string, body?: unknown): ScopedRequest => ({
  who,
  method,
  url,
  body,
});
const lacks = (id: string) => (res: Response) => res.status < 300 && !res.text.includes(id);

/**
 * The firm side of 用工服务: agency A acts for firm A (granted by 人社局), agency B for firm B;
 * job seekers A and B are registered workers of no firm.
 */
async function labourWorld(w: World) {
  const t = w.t;
  const agencyA = await caller(t, ['hr_agency']);
  const agencyB = await caller(t, ['hr_agency']);
  const grants = t.container.labour.repos.agencies;
  await grants.grant(agencyA.id, '余姚人力资源服务公司', [w.firmA], w.rsj.id, t.clock.now());
  await grants.grant(agencyB.id, '宁波人才服务中心', [w.firmB], w.rsj.id, t.clock.now());
  for (const who of [w.workerA, w.workerB])
    must(
      await t.http
        .put('/api/labour/seeker')
        .set(who.auth)
        .send({
          name: who === w.workerA ? '李春燕' : '王建国',
          wantedIndustries: ['制造业'],
          homeRegionCode: '520102',
          expectedWage: 5000,
          availableFrom: '2026-03-10',
          showPassColour: true,
        }),
      'seeker',
    );
  return { agencyA, agencyB };
}
const worlds = new WeakMap<World, ReturnType<typeof labourWorld>>();
const labourOf = (w: World) => {
  let p = worlds.get(w);
  if (!p) {
    p = labourWorld(w);
    worlds.set(w, p);
  }
  return p;
};

/** The labour tests' shared posting, for five places as these fixtures always posted. */
const vacancyBody = (over: Record<string, unknown> = {}) => postingBody({ headcount: 5, ...over });

/** A fresh open vacancy of firm A, so a write fixture never finds it already moved. */
async function vacancyOfA(w: World) {
  const l = await labourOf(w);
  const v = must(
    await w.t.http.post('/api/labour/vacancies').set(w.liaisonA.auth).send(vacancyBody()),
    'post',
  );
  return { ...l, vacancyId: v.id as string };
}

const STEPS_BEFORE = {
  applied: [],
  shortlisted: ['shortlist'],
  interview: ['shortlist', 'interview'],
  offered: ['shortlist', 'interview', 'offer'],
  accepted: ['shortlist', 'interview', 'offer', 'accept'],
} as const;

/** Worker A's application to a fresh vacancy of firm A, walked to `state` by its two sides. */
async function applicationOfA(w: World, state: keyof typeof STEPS_BEFORE) {
  const v = await vacancyOfA(w);
  const t = w.t;
  const a = must(
    await t.http.post('/api/labour/applications').set(w.workerA.auth).send({ vacancyId: v.vacancyId }),
    'apply',
  );
  const bodies: Record<string, object> = {
    interview: {
      mode: 'video',
      at: new Date(t.clock.now().getTime() + 86_400_000).toISOString(),
      link: 'https://meeting.example.cn/r/1',
    },
    offer: offerBody,
  };
  for (const s of STEPS_BEFORE[state]) {
    const who = s === 'accept' ? w.workerA : w.liaisonA;
    must(
      await t.http
        .post(`/api/labour/applications/${a.id}/${s}`)
        .set(who.auth)
        .send(bodies[s] ?? {}),
      s,
    );
  }
  return { ...v, id: a.id as string, url: (s: string) => `/api/labour/applications/${a.id}/${s}` };
}
const offerBody = { startDay: '2026-03-20', contractMonths: 12, socialInsurance: true, wage: 5200 };
const interviewBody = (w: World) => ({
  mode: 'remote_point',
  at: new Date(w.t.clock.now().getTime() + 86_400_000).toISOString(),
  point: '阳明街道远程视频见工点',
});

/** A step the firm takes: its liaison or its agency may; the other firm's liaison and agency may not. */
const firmStep =
  (state: keyof typeof STEPS_BEFORE, name: string, body: (w: World) => unknown = () => ({})) =>
  async (w: World) => {
    const a = await applicationOfA(w, state);
    return {
      inScope: req(a.agencyA, 'post', a.url(name), body(w)),
      outOfScope: [
        req(w.liaisonB, 'post', a.url(name), body(w)),
        req(a.agencyB, 'post', a.url(name), body(w)),
      ],
    };
  };
/** A step the worker takes on their own application: another worker may not. */
const seekerStep = (state: keyof typeof STEPS_BEFORE, name: string) => async (w: World) => {
  const a = await applicationOfA(w, state);
  return {
    inScope: req(w.workerA, 'post', a.url(name), {}),
    outOfScope: [req(w.workerB, 'post', a.url(name), {})],
  };
};

/** 用工服务: a firm (its liaison or agency) its own vacancies and applicants, a worker their own applications. */
export const LABOUR_SCOPE_FIXTURES: Record<string, ScopeFixture> = {
  'labour.vacancies.post': async (w) => {
    const l = await labourOf(w);
    const url = '/api/labour/vacancies';
    return {
      inScope: req(l.agencyA, 'post', url, vacancyBody({ enterpriseId: w.firmA })),
      // Neither B's liaison nor an agency that does not serve A may post in A's name.
      outOfScope: [
        req(w.liaisonB, 'post', url, vacancyBody({ enterpriseId: w.firmA })),
        req(l.agencyB, 'post', url, vacancyBody({ enterpriseId: w.firmA })),
      ],
    };
  },
  'labour.vacancies.mine': async (w) => {
    const l = await labourOf(w);
    const url = `/api/labour/vacancies/mine?enterpriseId=${w.firmA}`;
    return {
      inScope: req(l.agencyA, 'get', url),
      outOfScope: [req(w.liaisonB, 'get', url), req(l.agencyB, 'get', url)],
    };
  },
  'labour.vacancies.edit': async (w) => {
    const v = await vacancyOfA(w);
    const url = `/api/labour/vacancies/${v.vacancyId}`;
    const body = vacancyBody({ wageMax: 6500 });
    return {
      inScope: req(v.agencyA, 'put', url, body),
      outOfScope: [req(w.liaisonB, 'put', url, body), req(v.agencyB, 'put', url, body)],
    };
  },
  'labour.vacancies.confirm': async (w) => {
    const v = await vacancyOfA(w);
    const url = `/api/labour/vacancies/${v.vacancyId}/confirm`;
    return {
      inScope: req(v.agencyA, 'post', url, { headcount: 3 }),
      outOfScope: [req(w.liaisonB, 'post', url, { headcount: 3 }), req(v.agencyB, 'post', url, {})],
    };
  },
  'labour.vacancies.withdraw': async (w) => {
    const v = await vacancyOfA(w);
    const url = `/api/labour/vacancies/${v.vacancyId}/withdraw`;
    return {
      inScope: req(w.liaisonA, 'post', url, {}),
      outOfScope: [req(w.liaisonB, 'post', url, {}), req(v.agencyB, 'post', url, {})],
    };
  },
  'labour.seekers.match': async (w) => {
    const v = await vacancyOfA(w);
    const url = `/api/labour/seekers?vacancyId=${v.vacancyId}`;
    return {
      inScope: req(w.liaisonA, 'get', url),
      outOfScope: [req(w.liaisonB, 'get', url), req(v.agencyB, 'get', url)],
    };
  },
  'labour.applications.apply': {
    byConstruction: 'applies for the signed-in worker only; vacancyId names an open (public) vacancy',
  },
  'labour.applications.list': async (w) => {
    const a = await applicationOfA(w, 'applied');
    const url = `/api/labour/applications?vacancyId=${a.vacancyId}`;
    return {
      inScope: req(a.agencyA, 'get', url),
      // Answered with a list, so refused means: none of A's applications in it.
      outOfScope: [
        { ...req(w.liaisonB, 'get', url), refused: lacks(a.id) },
        { ...req(a.agencyB, 'get', url), refused: lacks(a.id) },
        { ...req(w.workerB, 'get', url), refused: lacks(a.id) },
      ],
    };
  },
  'labour.applications.get': async (w) => {
    const a = await applicationOfA(w, 'applied');
    const url = `/api/labour/applications/${a.id}`;
    return {
      inScope: req(w.workerA, 'get', url),
      outOfScope: [req(w.workerB, 'get', url), req(w.liaisonB, 'get', url), req(a.agencyB, 'get', url)],
    };
  },
  'labour.applications.contact': async (w) => {
    const a = await applicationOfA(w, 'applied');
    const url = a.url('contact');
    // The applicant's full phone reaches the firm it applied to, no other firm, and no other worker.
    return {
      inScope: req(a.agencyA, 'get', url),
      outOfScope: [req(w.liaisonB, 'get', url), req(a.agencyB, 'get', url), req(w.workerB, 'get', url)],
    };
  },
  'labour.applications.wayThere': async (w) => {
    const a = await applicationOfA(w, 'accepted');
    return {
      inScope: req(w.workerA, 'get', a.url('way-there')),
      outOfScope: [req(w.workerB, 'get', a.url('way-there'))],
    };
  },
  'labour.agencies.grant': async (w) => {
    const l = await labourOf(w);
    const url = `/api/labour/agencies/${l.agencyA.id}`;
    const body = { name: '余姚人力资源服务公司', enterpriseIds: [w.firmA] };
    // Only 人社局 (or the command) names an agency's firms; 交通局 and the firms themselves cannot.
    return {
      inScope: req(w.rsj, 'put', url, body),
      outOfScope: [
        req(w.jtj, 'put', url, { ...body, enterpriseIds: [w.firmA, w.firmB] }),
        req(l.agencyA, 'put', url, { ...body, enterpriseIds: [w.firmA, w.firmB] }),
        req(w.liaisonB, 'put', url, { ...body, enterpriseIds: [w.firmB] }),
      ],
    };
  },
  'labour.applications.shortlist': firmStep('applied', 'shortlist'),
  'labour.applications.interview': firmStep('shortlisted', 'interview', interviewBody),
  'labour.applications.offer': firmStep('interview', 'offer', () => offerBody),
  'labour.applications.reject': firmStep('applied', 'reject', () => ({ reason: '岗位要求夜班，不合适' })),
  'labour.applications.arrive': firmStep('accepted', 'arrive'),
  'labour.applications.accept': seekerStep('offered', 'accept'),
  'labour.applications.decline': seekerStep('offered', 'decline'),
  'labour.applications.withdraw': seekerStep('applied', 'withdraw'),
};
