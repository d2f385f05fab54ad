import {
  DEFERRAL_STATUS_LABELS,
  type Deferral,
  type DeferralInput,
  type DeferralStatus,
} from '@fugong/contracts';
import { deferralDecision, type WorkCalendar } from '@fugong/domain';
import { hasRole, type Actor } from '../../auth/actor';
import type { AuditRepository } from '../../audit/audit.repository';
import type { Clock } from '../../clock';
import type { EnterpriseRepository } from '../enterprises';
import { DomainError, businessRule } from '../../errors';
import type { DeferralRecord, DeferralRepository } from './deferral.repository';

/** 社保 is 人社局's: it decides deferrals. */
export const DEFERRAL_DEPARTMENT = 'rsj';

const view = (r: DeferralRecord): Deferral => ({
  id: r.id,
  enterpriseId: r.enterpriseId,
  enterpriseName: r.enterpriseName,
  months: r.months,
  reason: r.reason,
  firstApplication: r.firstApplication,
  greenChannel: r.greenChannel,
  decisionDue: r.decisionDue.toISOString(),
  status: r.status,
  statusLabel: DEFERRAL_STATUS_LABELS[r.status],
  note: r.note,
  appliedAt: r.appliedAt.toISOString(),
  decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
});

/** 社保缓缴: a liaison applies for the firm (and may withdraw); 人社局 approves or rejects, once. */
export class SubsidyDeferralService {
  constructor(
    private readonly d: {
      deferrals: DeferralRepository;
      enterprises: EnterpriseRepository;
      audit: AuditRepository;
      calendar: WorkCalendar;
      clock: Clock;
    },
  ) {}

  async apply(actor: Actor, input: DeferralInput): Promise<Deferral> {
    const enterpriseId = this.firmOf(actor);
    const firm = await this.d.enterprises.findById(enterpriseId);
    if (!firm) throw new DomainError('NOT_FOUND', '未找到所在企业');
    const now = this.d.clock.now();
    const firstApplication = !(await this.d.deferrals.appliedBefore(enterpriseId));
    const rule = deferralDecision(
      { sme: input.sme, months: input.months, firstApplication, appliedAt: now },
      this.d.calendar,
    );
    if (!rule.accepted) throw businessRule(rule.reason);
    const created = await this.d.deferrals.create({
      enterpriseId,
      enterpriseName: firm.name,
      months: input.months,
      sme: input.sme,
      reason: input.reason,
      firstApplication,
      greenChannel: rule.greenChannel,
      decisionDue: rule.decisionDue,
      appliedBy: actor.id,
      appliedAt: now,
    });
    if (created === 'open') throw new DomainError('CONFLICT', '本企业已有待办理的缓缴申请，请等待办理结果');
    await this.audit(actor, 'deferral.apply', created.id, [`months=${input.months}`]);
    return view(created);
  }

  async list(actor: Actor, status?: DeferralStatus): Promise<{ items: Deferral[] }> {
    if (this.decides(actor) || hasRole(actor, 'admin'))
      return { items: (await this.d.deferrals.list({ status })).map(view) };
    const enterpriseId = this.firmOf(actor);
    return { items: (await this.d.deferrals.list({ enterpriseId, status })).map(view) };
  }

  async decide(actor: Actor, id: string, body: { decision: 'approved' | 'rejected'; note: string }) {
    if (!this.decides(actor)) throw new DomainError('FORBIDDEN', '社保缓缴由人社局办理');
    const now = this.d.clock.now();
    const moved = await this.d.deferrals.leavePending(id, body.decision, {
      note: body.note,
      decidedBy: actor.id,
      decidedAt: now,
    });
    if (!moved) throw await this.refusal(id);
    await this.audit(actor, `deferral.${body.decision}`, id, [`note=${body.note}`]);
    return view(moved);
  }

  async withdraw(actor: Actor, id: string) {
    const enterpriseId = this.firmOf(actor);
    const moved = await this.d.deferrals.leavePending(
      id,
      'withdrawn',
      { note: null, decidedBy: actor.id, decidedAt: this.d.clock.now() },
      enterpriseId,
    );
    if (!moved) throw await this.refusal(id, enterpriseId);
    await this.audit(actor, 'deferral.withdraw', id, []);
    return view(moved);
  }

  /** Why a move from pending did not apply: unknown (or another firm's) → 404, else already decided → 409. */
  private async refusal(id: string, enterpriseId?: string): Promise<DomainError> {
    const current = await this.d.deferrals.findById(id);
    if (!current || (enterpriseId && current.enterpriseId !== enterpriseId))
      return new DomainError('NOT_FOUND', '未找到该缓缴申请');
    return new DomainError(
      'INVALID_TRANSITION',
      `该申请${DEFERRAL_STATUS_LABELS[current.status]}，不能再办理`,
      {
        status: current.status,
      },
    );
  }

  private decides(actor: Actor): boolean {
    return hasRole(actor, 'officer') && actor.departmentId === DEFERRAL_DEPARTMENT;
  }

  private firmOf(actor: Actor): string {
    if (!hasRole(actor, 'liaison') || !actor.enterpriseId)
      throw new DomainError('FORBIDDEN', '只有企业联络员可以为本企业申请缓缴');
    return actor.enterpriseId;
  }

  private async audit(actor: Actor, action: string, subjectId: string, fields: string[]) {
    await this.d.audit.append({
      at: this.d.clock.now(),
      actorId: actor.id,
      action,
      subjectType: 'subsidy_deferral',
      subjectId,
      fields,
      requestId: null,
    });
  }
}
