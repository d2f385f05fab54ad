/**
 * 热线受理 (12345 / 12333 / 7712345): an operator records a call and answers it on the spot or
 * raises it as a dispatched issue; the caller is texted the outcome once the issue is answered;
 * the hotline's 三率. What other modules may use — the builder, the routes, the listener and the
 * drain job's name. Publishes nothing; listens to `issue.moved`.
 */
import type { Connection } from 'mongoose';
import type { RecordEvents } from '../../events';
import type { RouteDef } from '../../http/route';
import type { SmsGateway } from '../sms';
import { HotlineCallRepository } from './hotline-call.repository';
import { HotlineSmsRepository } from './hotline-sms.repository';
import { HotlineOutcomes, type IssueOutcomeLookup } from './hotline-outcome';
import { HotlineService, type HotlineServiceDeps } from './hotline.service';
import { hotlineRoutesFor } from './hotline.routes';

export type { HotlineIssueDesk } from './hotline.service';
export type { IssueOutcome, IssueOutcomeLookup } from './hotline-outcome';

/** The outcome texts' drain job (its lease and metrics). */
export const HOTLINE_SMS_DRAIN = 'hotline.sms.drain';

export type HotlineDeps = Omit<HotlineServiceDeps, 'calls'> & {
  conn: Connection;
  sms: SmsGateway;
  issueOf: IssueOutcomeLookup;
};

/** Builds the module once (the container calls this). */
export function buildHotline(d: HotlineDeps) {
  const { conn, sms, issueOf, ...deps } = d;
  const repos = { calls: HotlineCallRepository.on(conn), outbox: HotlineSmsRepository.on(conn) };
  return {
    repos,
    services: {
      hotline: new HotlineService({ ...deps, calls: repos.calls }),
      outcomes: new HotlineOutcomes({ ...repos, issueOf, sms, pii: d.pii, clock: d.clock }),
    },
  };
}

export type Hotline = ReturnType<typeof buildHotline>;

export function hotlineRoutes(h: Hotline): RouteDef[] {
  return hotlineRoutesFor(h.services.hotline);
}

/** Subscribes the outcome texts to issue moves (the container calls this once). */
export function listenForHotlineOutcomes(events: RecordEvents, h: Hotline): void {
  events.on('issue.moved', (e) => h.services.outcomes.onIssueMoved(e.issueId));
}
