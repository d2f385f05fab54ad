import { projectRoutes as r } from '@fugong/contracts';
import { route, type RouteDef } from '../../http/route';
import type { ProjectService } from './project.service';
import type { NeedService } from './need.service';
import type { ProjectFiguresService } from './project-figures.service';

/** Key-project routes; the literal paths come before `/:id` so they are never read as an id. */
export function keyProjectRoutesFor(
  projects: ProjectService,
  needs: NeedService,
  figures: ProjectFiguresService,
): RouteDef[] {
  return [
    route(r.create, ({ actor, body }) => projects.create(actor, body)),
    route(r.list, ({ actor, query }) => projects.list(actor, query)),
    route(r.figures, () => figures.figures()),
    route(r.myActions, ({ actor }) => needs.myActions(actor)),
    route(r.get, ({ actor, params }) => projects.get(actor, params.id)),
    route(r.addMilestone, ({ actor, params, body }) => projects.addMilestone(actor, params.id, body)),
    route(r.milestoneDone, ({ actor, params, body }) =>
      projects.completeMilestone(actor, params.id, params.milestoneId, body.doneDate),
    ),
    route(r.report, ({ actor, params, body }) => projects.report(actor, params.id, body)),
    route(r.reports, ({ actor, params }) => projects.reports(actor, params.id)),
    route(r.raiseNeed, ({ actor, params, body }) => needs.raise(actor, params.id, body)),
    route(r.needs, ({ actor, params }) => needs.ofProject(actor, params.id)),
    route(r.dispatchNeed, ({ actor, params, body }) => needs.dispatch(actor, params.id, body)),
    route(r.convene, ({ actor, body }) => needs.convene(actor, body)),
    route(r.session, ({ actor, params }) => needs.session(actor, params.id)),
    route(r.decide, ({ actor, params, body }) => needs.decide(actor, params.id, body)),
    route(r.closeAction, ({ actor, params, body }) => needs.closeAction(actor, params.id, body.note)),
  ];
}
