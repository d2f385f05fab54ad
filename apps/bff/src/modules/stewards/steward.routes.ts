import { issueRoutes as r, stewardConsoleRoutes as c } from '@fugong/contracts';
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
    route(r.stewardsMine, ({ actor }) => s.stewards.mine(actor)),
    route(r.stewardsAttention, () => s.stewards.attention()),
    route(r.stewardsList, () => s.stewards.roster()),
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
    route(r.visitCreate, ({ actor, body }) => s.visits.create(actor, body)),
    route(r.visitList, ({ actor, params }) => s.visits.list(actor, params.id)),
    route(r.visitGet, ({ actor, params }) => s.visits.get(actor, params.id)),
    route(r.callbackCreate, ({ actor, body }) => s.callbacks.record(actor, body)),
    route(r.callbackList, ({ params }) => s.callbacks.list(params.id)),
  ];
}
