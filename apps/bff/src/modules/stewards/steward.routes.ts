import { issueRoutes as r } from '@fugong/contracts';
import { route, type RouteDef } from '../../http/route';
import type { StewardService } from './steward.service';
import type { VisitService } from '../visits';
import type { CallbackService } from '../callbacks';

/** Steward assignments, "my enterprises", visits and call-backs. */
export function stewardRoutesFor(s: {
  stewards: StewardService;
  visits: VisitService;
  callbacks: CallbackService;
}): RouteDef[] {
  return [
    route(r.stewardsMine, ({ actor }) => s.stewards.mine(actor)),
    route(r.stewardsAttention, () => s.stewards.attention()),
    route(r.stewardsList, () => s.stewards.roster()),
    route(r.assign, ({ actor, body }) => s.stewards.assign(actor, body.enterpriseId, body.stewardId)),
    route(r.assignmentHistory, ({ actor, params }) => s.stewards.history(actor, params.id)),
    route(r.visitCreate, ({ actor, body }) => s.visits.create(actor, body)),
    route(r.visitList, ({ actor, params }) => s.visits.list(actor, params.id)),
    route(r.visitGet, ({ actor, params }) => s.visits.get(actor, params.id)),
    route(r.callbackCreate, ({ actor, body }) => s.callbacks.record(actor, body)),
    route(r.callbackList, ({ params }) => s.callbacks.list(params.id)),
  ];
}
