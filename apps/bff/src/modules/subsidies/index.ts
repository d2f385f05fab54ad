/** 免申即享 (subsidies without application): what the rest of the BFF may use. */
import type { Connection } from 'mongoose';
import type { WorkCalendar } from '@fugong/domain';
import type { AuditRepository } from '../../audit/audit.repository';
import type { Clock } from '../../clock';
import type { EnterpriseRepository } from '../enterprises/enterprise.repository';
import { FactRepository } from './fact.repository';
import { ListRepository } from './list.repository';
import { PaymentRepository } from './payment.repository';
import { SubsidyRunService } from './subsidy-run.service';
import { SubsidyReviewService } from './subsidy-review.service';
import { SubsidyPaymentService } from './subsidy-payment.service';
import { SubsidyFirmService } from './subsidy-firm.service';

export { subsidyRoutesFor } from './subsidy.routes';

/** 公示 lasts this many working days unless configured otherwise. */
export const DEFAULT_PUBLICITY_WORKING_DAYS = 5;

export interface SubsidyFeatureDeps {
  conn: Connection;
  clock: Clock;
  enterprises: EnterpriseRepository;
  audit: AuditRepository;
  /** Keyed hash of an ID number (PiiCipher.lookupHash): rosters match people without keeping numbers. */
  personKey(idNumber: string): string;
  calendar: WorkCalendar;
  publicityWorkingDays?: number;
}

/** Builds the repositories and the four services of the subsidy module. */
export function buildSubsidies(d: SubsidyFeatureDeps) {
  const deps = {
    facts: FactRepository.on(d.conn),
    lists: ListRepository.on(d.conn),
    payments: PaymentRepository.on(d.conn),
    enterprises: d.enterprises,
    audit: d.audit,
    personKey: d.personKey,
    calendar: d.calendar,
    publicityWorkingDays: d.publicityWorkingDays ?? DEFAULT_PUBLICITY_WORKING_DAYS,
    clock: d.clock,
  };
  return {
    run: new SubsidyRunService(deps),
    review: new SubsidyReviewService(deps),
    payments: new SubsidyPaymentService(deps),
    firm: new SubsidyFirmService(deps),
  };
}

export type SubsidyServices = ReturnType<typeof buildSubsidies>;
