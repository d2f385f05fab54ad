/** 免申即享 (subsidies without application): what the rest of the BFF may use. */
import type { Connection } from 'mongoose';
import { CHARTER_SUBSIDY_2020, type CharterSubsidyParams, type WorkCalendar } from '@fugong/domain';
import type { AuditRepository } from '../../audit/audit.repository';
import { NO_LISTENERS, type RecordEventPublisher } from '../../events';
import type { Clock } from '../../clock';
import type { DivisionLookup } from '../divisions';
import type { EnterpriseRepository } from '../enterprises';
import { FactRepository } from './fact.repository';
import { ListRepository } from './list.repository';
import { PaymentRepository } from './payment.repository';
import { SubsidyRunService } from './subsidy-run.service';
import { SubsidyReviewService } from './subsidy-review.service';
import { SubsidyPaymentService } from './subsidy-payment.service';
import { SubsidyFirmService } from './subsidy-firm.service';
import { NoticeRepository } from './notice.repository';
import { SubsidyPush, type SubsidyNoticePorts } from './subsidy-push';
import { DeferralRepository } from './deferral.repository';
import { SubsidyDeferralService } from './subsidy-deferral.service';

export type { SubsidyNoticePorts } from './subsidy-push';

export { subsidyRoutesFor } from './subsidy.routes';
export { listenForObjectionDecisions } from './subsidy-objection-notices';

/** 公示 lasts this many working days unless configured otherwise. */
export const DEFAULT_PUBLICITY_WORKING_DAYS = 5;

export interface SubsidyFeatureDeps {
  conn: Connection;
  clock: Clock;
  enterprises: EnterpriseRepository;
  audit: AuditRepository;
  events?: RecordEventPublisher;
  /** Keyed hash of an ID number (PiiCipher.lookupHash): rosters match people without keeping numbers. */
  personKey(idNumber: string): string;
  /** The GB/T 2260 data a charter's origin is checked against (the divisions module). */
  divisions: Pick<DivisionLookup, 'knows'>;
  calendar: WorkCalendar;
  /** 政策直通: the firms' liaisons and the notification outbox. */
  notices: SubsidyNoticePorts;
  publicityWorkingDays?: number;
  /** SUBSIDY_CHARTER_RATES: `52=200,430100=150` (yuan per boarded passenger by origin). */
  charterRates?: string;
}

/** The charter rule's parameters with the configured rates (none configured: no charter pays). */
export function charterParamsFrom(spec: string | undefined): CharterSubsidyParams {
  const table: Record<string, number> = {};
  for (const pair of (spec ?? '').split(',').filter(Boolean)) {
    const [region, yuan] = pair.split('=');
    table[region!] = Number(yuan) * 100;
  }
  return { ...CHARTER_SUBSIDY_2020, perPassengerFenByRegion: table };
}

/** Builds the repositories and the four services of the subsidy module. */
export function buildSubsidies(d: SubsidyFeatureDeps) {
  const lists = ListRepository.on(d.conn);
  const push = new SubsidyPush({ lists, notices: NoticeRepository.on(d.conn), clock: d.clock }, d.notices);
  const deps = {
    facts: FactRepository.on(d.conn),
    lists,
    push,
    payments: PaymentRepository.on(d.conn),
    enterprises: d.enterprises,
    audit: d.audit,
    events: d.events ?? NO_LISTENERS,
    personKey: d.personKey,
    divisions: d.divisions,
    calendar: d.calendar,
    publicityWorkingDays: d.publicityWorkingDays ?? DEFAULT_PUBLICITY_WORKING_DAYS,
    clock: d.clock,
    charterParams: charterParamsFrom(d.charterRates),
  };
  return {
    /** The fact store, for tools that load a whole city (the benchmark) without files. */
    repos: { facts: deps.facts },
    run: new SubsidyRunService(deps),
    review: new SubsidyReviewService(deps),
    payments: new SubsidyPaymentService(deps),
    firm: new SubsidyFirmService(deps),
    deferrals: new SubsidyDeferralService({
      ...deps,
      deferrals: DeferralRepository.on(d.conn),
    }),
  };
}

export type SubsidyServices = ReturnType<typeof buildSubsidies>;
