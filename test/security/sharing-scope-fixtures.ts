import type { Response } from 'supertest';
import { addDays, chinaDay } from '@fugong/domain';
import { sharingPostBody, sharingTermsBody } from '../../apps/bff/src/test-support';
import type { Caller } from './support/people';
import type { World } from './support/scope-world';
import type { ScopeFixture, ScopedRequest } from './scope-fixtures';

const must = (res: Response, what: string) => {
  if (res.status >= 300) throw new Error(`sharing world: ${what} ${res.status} ${res.text.slice(0, 200)}`);
  return res.body;
};
const req = (who: Caller, url: string, body: unknown = {}): ScopedRequest => ({
  who,
  method: 'post',
  url,
  body,
});

/** A period from tomorrow for a month, in the test app's own time (a period already over is refused). */
const period = (w: World) => {
  const today = chinaDay(w.t.clock.now());
  return { fromDay: addDays(today, 1), toDay: addDays(today, 30) };
};
const postOf = async (w: World, who: Caller, kind: 'surplus' | 'shortage') =>
  must(
    await w.t.http
      .post('/api/labour/sharing/posts')
      .set(who.auth)
      .send(sharingPostBody({ kind, ...period(w) })),
    `post ${kind}`,
  ).id as string;

/** Firm A's surplus and firm B's shortage, and (with `proposed`) B's proposal that A is to decide. */
async function pair(w: World, proposed: boolean) {
  const surplus = await postOf(w, w.liaisonA, 'surplus');
  const shortage = await postOf(w, w.liaisonB, 'shortage');
  const terms = sharingTermsBody(surplus, shortage, period(w));
  if (!proposed) return { surplus, shortage, terms, agreement: '' };
  const a = must(
    await w.t.http.post('/api/labour/sharing/agreements').set(w.liaisonB.auth).send(terms),
    'propose',
  );
  return { surplus, shortage, terms, agreement: a.id as string };
}

/** The other firm decides; the proposing firm and a steward (no party to it) may not. */
const decision = (step: 'agree' | 'decline') => async (w: World) => {
  const p = await pair(w, true);
  const url = `/api/labour/sharing/agreements/${p.agreement}/${step}`;
  return { inScope: req(w.liaisonA, url), outOfScope: [req(w.liaisonB, url), req(w.stewardA, url)] };
};

/** 用工调剂: a firm posts, closes and decides only for itself; a proposal needs one of its own posts. */
export const SHARING_SCOPE_FIXTURES: Record<string, ScopeFixture> = {
  'labour.sharing.post': async (w) => {
    const url = '/api/labour/sharing/posts';
    const body = sharingPostBody({ enterpriseId: w.firmA, ...period(w) });
    return { inScope: req(w.liaisonA, url, body), outOfScope: [req(w.liaisonB, url, body)] };
  },
  'labour.sharing.close': async (w) => {
    const url = `/api/labour/sharing/posts/${await postOf(w, w.liaisonA, 'surplus')}/close`;
    return { inScope: req(w.liaisonA, url), outOfScope: [req(w.liaisonB, url)] };
  },
  'labour.sharing.propose': async (w) => {
    const p = await pair(w, false);
    const ownShortage = await postOf(w, w.liaisonA, 'shortage');
    const url = '/api/labour/sharing/agreements';
    // Firm B cannot pair two of firm A's posts: it is party to neither.
    return {
      inScope: req(w.liaisonA, url, p.terms),
      outOfScope: [req(w.liaisonB, url, { ...p.terms, shortageId: ownShortage })],
    };
  },
  'labour.sharing.agree': decision('agree'),
  'labour.sharing.decline': decision('decline'),
};
