import type { CharterSubsidyParams, WorkCalendar } from '@fugong/domain';
import type { AuditRepository } from '../../audit/audit.repository';
import type { RecordEventPublisher } from '../../events';
import type { DivisionLookup } from '../divisions';
import type { EnterpriseRepository } from '../enterprises';
import type { FactRepository } from './fact.repository';
import type { ListRepository } from './list.repository';
import type { PaymentRepository } from './payment.repository';
import type { SubsidyPush } from './subsidy-push';

/** What the subsidy services share: repositories, the person-key hash and the working-day calendar. */
export interface SubsidyDeps {
  facts: FactRepository;
  lists: ListRepository;
  payments: PaymentRepository;
  /** 政策直通: announces a published list to the firms on it. */
  push: SubsidyPush;
  enterprises: EnterpriseRepository;
  audit: AuditRepository;
  /** Announces decided objections (the inbox notice listens; this module does not know it). */
  events: RecordEventPublisher;
  personKey(idNumber: string): string;
  /** The GB/T 2260 data a charter's origin is checked against (the divisions module, via the container). */
  divisions: Pick<DivisionLookup, 'knows'>;
  calendar: WorkCalendar;
  /** 公示 period in working days. */
  publicityWorkingDays: number;
  /** 包车补贴 rates in force (set locally; see SUBSIDY_CHARTER_RATES). */
  charterParams: CharterSubsidyParams;
}
