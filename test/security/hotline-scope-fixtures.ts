import { caller, type Caller } from './support/people';
import type { World } from './support/scope-world';
import type { ScopeFixture, ScopedRequest } from './scope-fixtures';

const req = (who: Caller, method: 'get' | 'post', url: string, body?: unknown): ScopedRequest => ({
  who,
  method,
  url,
  body,
});

/**
 * A call about firm A taken by a fresh operator: answered on the spot, or raised as an issue and
 * dispatched to 人社局. Returns the operator and the call's id.
 */
async function callAboutA(w: World, raised: boolean): Promise<{ operator: Caller; id: string }> {
  const operator = await caller(w.t, ['hotline_operator']);
  const outcome = raised
    ? { kind: 'issue', departmentCode: 'rsj', urgency: 'normal' }
    : { kind: 'answered', answer: '已告知复工备案办理流程' };
  const res = await w.t.http.post('/api/hotline/calls').set(operator.auth).send({
    line: '7712345',
    callerPhone: '13957406666',
    enterpriseId: w.firmA,
    category: 'reopening',
    text: '企业复工备案材料不知如何提交',
    outcome,
  });
  if (res.status !== 201) throw new Error(`hotline world: call ${res.status} ${res.text.slice(0, 200)}`);
  return { operator, id: res.body.id as string };
}

/**
 * The hotline's calls are the hotline's: the firm a call names (its liaison, its steward) and the
 * department its issue went to work the issue, never the call with the caller's number.
 */
const outsiders = (w: World) => [w.liaisonA, w.stewardA, w.rsj, w.workerA];

export const HOTLINE_SCOPE_FIXTURES: Record<string, ScopeFixture> = {
  'hotline.calls.get': async (w) => {
    const { operator, id } = await callAboutA(w, true);
    const url = `/api/hotline/calls/${id}`;
    return { inScope: req(operator, 'get', url), outOfScope: outsiders(w).map((o) => req(o, 'get', url)) };
  },
  'hotline.calls.phone': async (w) => {
    const { operator, id } = await callAboutA(w, true);
    const url = `/api/hotline/calls/${id}/phone`;
    return { inScope: req(operator, 'get', url), outOfScope: outsiders(w).map((o) => req(o, 'get', url)) };
  },
  'hotline.calls.callback': async (w) => {
    const { operator, id } = await callAboutA(w, false);
    const url = `/api/hotline/calls/${id}/callback`;
    const body = { satisfaction: 5 };
    return {
      inScope: req(operator, 'post', url, body),
      outOfScope: outsiders(w).map((o) => req(o, 'post', url, body)),
    };
  },
};
