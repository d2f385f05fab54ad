import {
  callbackRoutes as cb,
  stewardConsoleRoutes as c,
  stewardRoutes as r,
  visitRoutes as v,
} from '@fugong/contracts';
import { route, type RouteDef } from '../../http/route';
import type { AssignmentConsoleService } from './assignment-console.service';
import type { StewardService } from './steward.service';
import type { VisitService } from '../visits';
import type { CallbackService } from '../callbacks';

/** Steward assignments (and the console's bulk assignment, hand-over and coverage), "my enterprises", visits and call-backs. */
export function stewardRoutesFor(s: {
  stewards: StewardService;
  assignmentConsole: AssignmentConsoleService;
  visits: VisitService;
  callbacks: CallbackService;
}): RouteDef[] {
  return [
    route(r.mine, ({ actor }) => s.stewards.mine(actor)),
    route(r.attention, () => s.stewards.attention()),
    route(r.list, () => s.stewards.roster()),
    // The console's literal paths first: they share the /api/steward-assignments prefix.
    route(c.preview, ({ query }) => {
      const { onlyUnassigned, ...filter } = query;
      return s.assignmentConsole.preview(filter, onlyUnassigned);
    }),
    route(c.bulk, ({ actor, body, requestId }) => s.assignmentConsole.bulkAssign(actor, body, requestId)),
    route(c.rebalance, ({ actor, body, requestId }) => s.assignmentConsole.rebalance(actor, body, requestId)),
    route(c.coverage, ({ query }) => {
      const { lapseDays, ...filter } = query;
      return s.assignmentConsole.coverage(filter, lapseDays);
    }),
    route(r.assign, ({ actor, body, requestId }) =>
      s.stewards.assign(actor, body.enterpriseId, body.stewardId, requestId),
    ),
    route(r.assignmentHistory, ({ actor, params }) => s.stewards.history(actor, params.id)),
    route(v.create, ({ actor, body }) => s.visits.create(actor, body)),
    route(v.list, ({ actor, params }) => s.visits.list(actor, params.id)),
    route(v.get, ({ actor, params }) => s.visits.get(actor, params.id)),
    route(cb.create, ({ actor, body }) => s.callbacks.record(actor, body)),
    route(cb.list, ({ params }) => s.callbacks.list(params.id)),
  ];
}
