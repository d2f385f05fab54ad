import { deferralRoutes as dr, subsidyRoutes as r } from '@fugong/contracts';
import { route, type RouteDef } from '../../http/route';
import type { SubsidyRunService } from './subsidy-run.service';
import type { SubsidyReviewService } from './subsidy-review.service';
import type { SubsidyPaymentService } from './subsidy-payment.service';
import type { SubsidyFirmService } from './subsidy-firm.service';
import type { SubsidyDeferralService } from './subsidy-deferral.service';

/** The module's services the routes call (what buildSubsidies returns, named here so the routes need not import the index). */
export interface SubsidyRouteServices {
  run: SubsidyRunService;
  review: SubsidyReviewService;
  payments: SubsidyPaymentService;
  firm: SubsidyFirmService;
  deferrals: SubsidyDeferralService;
}

/** 免申即享: imports and runs, review and 公示, objections, payments, and the firm's own page. */
export function subsidyRoutesFor(s: SubsidyRouteServices): RouteDef[] {
  return [
    route(r.import, ({ actor, body }) => s.run.import(actor, body)),
    route(r.run, ({ actor, body }) => s.run.run(actor, body.policy, body.period)),
    route(r.lists, ({ actor, query }) => s.review.lists(actor, query.policy, query.period)),
    route(r.list, ({ actor, params, query }) => s.review.detail(actor, params.id, query)),
    route(r.exclude, ({ actor, params, body }) =>
      s.review.exclude(actor, params.id, params.entitlementId, body.reason),
    ),
    route(r.include, ({ actor, params }) => s.review.include(actor, params.id, params.entitlementId)),
    route(r.approve, ({ actor, params }) => s.review.approve(actor, params.id)),
    route(r.publish, ({ actor, params }) => s.review.publish(actor, params.id)),
    route(r.decide, ({ actor, params, body }) =>
      s.review.decide(actor, params.id, params.entitlementId, body),
    ),
    route(r.paymentList, ({ actor, params }) => s.payments.createPaymentList(actor, params.id)),
    route(r.paymentExport, ({ actor, params, query }) =>
      s.payments.exportList(actor, params.id, query.format),
    ),
    route(r.markPaid, ({ actor, params, body }) => s.payments.markPaid(actor, params.id, body.reference)),
    route(r.mine, ({ actor, query }) => s.firm.mine(actor, query)),
    route(r.object, ({ actor, params, body }) => s.firm.object(actor, params.id, body.text)),
    route(dr.apply, ({ actor, body }) => s.deferrals.apply(actor, body)),
    route(dr.list, ({ actor, query }) => s.deferrals.list(actor, query.status)),
    route(dr.decide, ({ actor, params, body }) => s.deferrals.decide(actor, params.id, body)),
    route(dr.withdraw, ({ actor, params }) => s.deferrals.withdraw(actor, params.id)),
  ];
}
