import { labourRoutes as r } from '@fugong/contracts';
import { route, type RouteDef } from '../../http/route';
import type { AgencyService } from './agency.service';
import type { ApplicationService } from './application.service';
import type { LabourFiguresService } from './figures.service';
import type { SeekerService } from './seeker.service';
import type { VacancyService } from './vacancy.service';

/** Labour routes; literal paths (mine, awaiting) come before `/:id` so they are never read as an id. */
export function labourRoutesFor(
  v: VacancyService,
  s: SeekerService,
  a: ApplicationService,
  f: LabourFiguresService,
  g: AgencyService,
): RouteDef[] {
  const steps = [
    ['shortlist', r.shortlist],
    ['interview', r.interview],
    ['offer', r.offer],
    ['accept', r.accept],
    ['decline', r.decline],
    ['withdraw', r.withdrawApplication],
    ['reject', r.reject],
    ['arrive', r.arrive],
  ] as const;
  return [
    route(r.post, ({ actor, body, idempotencyKey }) => v.post(actor, body, idempotencyKey), {
      keyStoredByHandler: true,
    }),
    route(r.mine, ({ actor, query }) => v.mine(actor, query.enterpriseId)),
    route(r.search, ({ query }) => v.search(query)),
    route(r.vacancy, ({ params }) => v.get(params.id)),
    route(r.edit, ({ actor, params, body }) => v.edit(actor, params.id, body)),
    route(r.confirm, ({ actor, params, body }) => v.confirm(actor, params.id, body.headcount)),
    route(r.withdraw, ({ actor, params }) => v.withdraw(actor, params.id)),
    route(r.register, ({ actor, body }) => s.register(actor, body)),
    route(r.seeker, ({ actor }) => s.me(actor)),
    route(r.match, ({ actor, query }) => s.candidates(actor, query.vacancyId)),
    route(r.apply, ({ actor, body }) => a.apply(actor, body)),
    route(r.applications, ({ actor, query }) => a.list(actor, query)),
    route(r.firms, ({ actor }) => v.firms(actor)),
    route(r.figures, ({ actor }) => f.figures(actor)),
    route(r.figuresExport, ({ actor, requestId }) => f.export(actor, requestId)),
    route(r.agencyGrant, ({ actor, params, body, requestId }) =>
      g.grant(actor, params.userId, body, requestId),
    ),
    route(r.agencyFind, ({ actor, query }) => g.find(actor, query.phone)),
    route(r.awaiting, ({ actor }) => a.awaiting(actor)),
    route(r.application, ({ actor, params }) => a.get(actor, params.id)),
    route(r.contact, ({ actor, params, requestId }) => a.contact(actor, params.id, requestId)),
    route(r.wayThere, ({ actor, params }) => a.wayThere(actor, params.id)),
    ...steps.map(([name, contract]) =>
      route(contract, ({ actor, params, body }) => a.step(actor, params.id, name, body)),
    ),
  ];
}
