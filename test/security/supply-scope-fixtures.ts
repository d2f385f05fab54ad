import type { Response } from 'supertest';
import { addDays, chinaDay } from '@fugong/domain';
import type { Caller } from './support/people';
import type { World } from './support/scope-world';
import type { ScopeFixture, ScopedRequest } from './scope-fixtures';

const must = (res: Response, what: string) => {
  if (res.status >= 300) throw new Error(`supply world: ${what} ${res.status} ${res.text.slice(0, 200)}`);
  return res.body;
};
const req = (who: Caller, method: 'get' | 'post', url: string, body?: unknown): ScopedRequest => ({
  who,
  method,
  url,
  body,
});

/** A post from today for a month, in the test app's own time (a post already ended is refused). */
const post = (w: World, side: string) => ({
  side,
  category: 'parts',
  title: '光学镜片',
  quantity: 1000,
  unit: '片',
  regionCode: '330281',
  point: { lat: 30.04, lng: 121.15 },
  availableFrom: chinaDay(w.t.clock.now()),
  availableUntil: addDays(chinaDay(w.t.clock.now()), 30),
  contact: { name: '王经理', phone: '13900000011' },
});

/** A supply post of firm A and a demand post of firm B; with `match`, B proposed and (optionally) A confirmed. */
async function pair(w: World, state: 'none' | 'proposed' | 'confirmed' = 'none') {
  const t = w.t;
  const supply = must(
    await t.http.post('/api/supply-posts').set(w.liaisonA.auth).send(post(w, 'supply')),
    'post A',
  );
  const demand = must(
    await t.http.post('/api/supply-posts').set(w.liaisonB.auth).send(post(w, 'demand')),
    'post B',
  );
  if (state === 'none') return { supply: supply.id as string, demand: demand.id as string, match: '' };
  const m = must(
    await t.http
      .post('/api/supply-matches')
      .set(w.liaisonB.auth)
      .send({ postId: demand.id, counterpartId: supply.id }),
    'propose',
  );
  if (state === 'confirmed')
    must(await t.http.post(`/api/supply-matches/${m.id}/confirm`).set(w.liaisonA.auth), 'confirm');
  return { supply: supply.id as string, demand: demand.id as string, match: m.id as string };
}

async function supplierOfA(w: World): Promise<string> {
  const body = {
    name: `外地配套${Math.random().toString(36).slice(2, 8)}`,
    regionCode: '440300',
    supplies: '镜头模组',
  };
  return must(await w.t.http.post('/api/supply-chain/suppliers').set(w.liaisonA.auth).send(body), 'supplier')
    .id;
}

/** Supply chain: a firm its own posts and matches, a lead firm (and its steward) its own suppliers. */
export const SUPPLY_SCOPE_FIXTURES: Record<string, ScopeFixture> = {
  'supply.posts.close': async (w) => {
    const p = await pair(w);
    const url = `/api/supply-posts/${p.supply}/close`;
    // Only the owning firm closes its post: not the other firm, nor its own steward.
    return {
      inScope: req(w.liaisonA, 'post', url),
      outOfScope: [req(w.liaisonB, 'post', url), req(w.stewardA, 'post', url)],
    };
  },
  'supply.posts.candidates': async (w) => {
    const p = await pair(w);
    const url = `/api/supply-posts/${p.supply}/candidates`;
    return { inScope: req(w.liaisonA, 'get', url), outOfScope: [req(w.liaisonB, 'get', url)] };
  },
  'supply.matches.create': async (w) => {
    const p = await pair(w);
    return {
      inScope: req(w.liaisonA, 'post', '/api/supply-matches', { postId: p.supply, counterpartId: p.demand }),
      // Firm B cannot propose with firm A's post as its own.
      outOfScope: [
        req(w.liaisonB, 'post', '/api/supply-matches', { postId: p.supply, counterpartId: p.demand }),
      ],
    };
  },
  'supply.matches.confirm': async (w) => {
    const p = await pair(w, 'proposed');
    const url = `/api/supply-matches/${p.match}/confirm`;
    // The proposer cannot confirm its own proposal; the other firm's steward is not a party.
    return {
      inScope: req(w.liaisonA, 'post', url),
      outOfScope: [req(w.liaisonB, 'post', url), req(w.stewardB, 'post', url)],
    };
  },
  'supply.matches.contact': async (w) => {
    const p = await pair(w, 'confirmed');
    const url = `/api/supply-matches/${p.match}/contact`;
    return { inScope: req(w.liaisonA, 'get', url), outOfScope: [req(w.stewardA, 'get', url)] };
  },
  'supply.suppliers.add': {
    byConstruction:
      'adds to the signed-in liaison’s own firm; enterpriseId names the supplier, not the owner',
  },
  'supply.suppliers.list': async (w) => {
    await supplierOfA(w);
    const url = `/api/supply-chain/${w.firmA}/suppliers`;
    return { inScope: req(w.liaisonA, 'get', url), outOfScope: [req(w.liaisonB, 'get', url)] };
  },
  'supply.suppliers.coordinate': async (w) => {
    const id = await supplierOfA(w);
    const url = `/api/supply-chain/suppliers/${id}/coordinate`;
    const body = { note: '深圳配套企业尚未复工，请发函协调' };
    return { inScope: req(w.liaisonA, 'post', url, body), outOfScope: [req(w.liaisonB, 'post', url, body)] };
  },
};
