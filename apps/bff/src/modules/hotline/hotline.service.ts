import type { z } from 'zod';
import {
  daySpanProblem,
  HOTLINE_FIGURES_DEFAULT_DAYS,
  HOTLINE_FIGURES_MAX_DAYS,
  HOTLINE_ISSUE_CATEGORY,
  HOTLINE_LABELS,
  type CallStatus,
  type Hotline,
  type HotlineCall,
  type HotlineCategory,
  type IssueCategory,
  type IssueUrgency,
  type hotlineCallInputSchema,
} from '@fugong/contracts';
import { addDays, chinaDay, chinaDayStart } from '@fugong/domain';
import type { Actor } from '../../auth/actor';
import type { AuditRepository } from '../../audit/audit.repository';
import type { Clock } from '../../clock';
import type { PiiCipher } from '../../crypto/pii';
import { DomainError } from '../../errors';
import type { HotlineCallRepository } from './hotline-call.repository';
import { toCallView, toFigures } from './hotline-view';

/** What the hotline needs of the issues module, passed in by the container. */
export interface HotlineIssueDesk {
  /** Raises an issue of the enterprise on the caller's behalf, accepted and dispatched at once. */
  raise(
    actor: Actor,
    i: {
      enterpriseId: string;
      category: IssueCategory;
      urgency: IssueUrgency;
      description: string;
      departmentCode: string;
      note: string;
    },
  ): Promise<{ id: string; number: string }>;
}

export interface HotlineServiceDeps {
  calls: HotlineCallRepository;
  enterprises: {
    findById(id: string): Promise<{ id: string; name: string } | null>;
    list(
      filter: { q?: string },
      page: number,
      pageSize: number,
    ): Promise<{ items: { id: string; name: string }[] }>;
  };
  issues: HotlineIssueDesk;
  pii: PiiCipher;
  audit: AuditRepository;
  clock: Clock;
}

const notFound = () => new DomainError('NOT_FOUND', '未找到该来电');
/**
 * Seeds 002 and 004 give the hotline two jobs: consultation on the spot (12345 在线咨询和申报辅导)
 * and firms' problems raised into the 问题诉求反映平台; none routes a call about no firm to a
 * department as an issue, so such a call is answered, not dispatched.
 */
const NO_FIRM = '转为问题诉求须选择所涉企业';

/** 热线受理: an operator records a call and either answers it or raises it as an issue. */
export class HotlineService {
  constructor(private readonly d: HotlineServiceDeps) {}

  async record(actor: Actor, input: z.output<typeof hotlineCallInputSchema>): Promise<HotlineCall> {
    if (input.outcome.kind === 'issue' && !input.enterpriseId) {
      // The contract refuses this at the edge; a caller that skipped it must not store a call
      // marked as an issue that no issue, steward or department queue will ever carry.
      throw new DomainError('VALIDATION_ERROR', NO_FIRM, [{ path: 'enterpriseId', message: NO_FIRM }]);
    }
    const firm = input.enterpriseId ? await this.d.enterprises.findById(input.enterpriseId) : null;
    if (input.enterpriseId && !firm) throw new DomainError('NOT_FOUND', '未找到该企业');
    const now = this.d.clock.now();
    const answered = input.outcome.kind === 'answered';
    const call = await this.d.calls.create({
      line: input.line,
      callerPhoneEnc: this.d.pii.encrypt(input.callerPhone),
      enterpriseId: firm?.id ?? null,
      enterpriseName: firm?.name ?? null,
      category: input.category,
      text: input.text,
      kind: answered ? 'consultation' : 'issue',
      status: answered ? 'answered' : 'in_progress',
      answer: input.outcome.kind === 'answered' ? input.outcome.answer : null,
      operatorId: actor.id,
      receivedAt: now,
      closedAt: answered ? now : null,
    });
    if (input.outcome.kind === 'answered' || !firm) return this.view(call);
    const issue = await this.raise(actor, call.id, firm.id, input, input.outcome);
    const linked = await this.d.calls.attachIssue(call.id, issue.id, issue.number);
    return this.view(linked ?? call);
  }

  /** The issue first exists only through the call: if raising it fails, the half-made call goes too. */
  private async raise(
    actor: Actor,
    callId: string,
    enterpriseId: string,
    input: { line: Hotline; category: HotlineCategory; text: string },
    outcome: { departmentCode: string; urgency: IssueUrgency },
  ) {
    try {
      return await this.d.issues.raise(actor, {
        enterpriseId,
        category: HOTLINE_ISSUE_CATEGORY[input.category],
        urgency: outcome.urgency,
        description: input.text,
        departmentCode: outcome.departmentCode,
        note: `${HOTLINE_LABELS[input.line]}来电转办`,
      });
    } catch (err) {
      await this.d.calls.removeUnlinked(callId);
      throw err;
    }
  }

  async list(q: { page: number; pageSize: number; status?: CallStatus; line?: Hotline }) {
    const { items, total } = await this.d.calls.list(q, q.page, q.pageSize);
    return { items: items.map((c) => this.view(c)), total, page: q.page, pageSize: q.pageSize };
  }

  async get(id: string): Promise<HotlineCall> {
    const call = await this.d.calls.findById(id);
    if (!call) throw notFound();
    return this.view(call);
  }

  /** The full number, to ring the caller back; audited before it leaves. */
  async callerPhone(actor: Actor, id: string, requestId: string) {
    const call = await this.d.calls.findById(id);
    if (!call) throw notFound();
    await this.d.audit.append({
      at: this.d.clock.now(),
      actorId: actor.id,
      action: 'pii.read',
      subjectType: 'hotline_call',
      subjectId: call.id,
      fields: ['callerPhone'],
      requestId,
    });
    return { callId: call.id, phone: this.d.pii.decrypt(call.callerPhoneEnc) };
  }

  /** 回访: once per call, after the caller has their answer. */
  async callback(actor: Actor, id: string, satisfaction: number): Promise<HotlineCall> {
    const done = await this.d.calls.recordCallback(id, satisfaction, this.d.clock.now(), actor.id);
    if (done) return this.view(done);
    const call = await this.d.calls.findById(id);
    if (!call) throw notFound();
    if (call.callback) throw new DomainError('CONFLICT', '该来电已回访');
    throw new DomainError('BUSINESS_RULE', '问题办结后才能回访');
  }

  /** The 三率 of the calls received `from`..`to`; the last 30 days up to today when not given. */
  async figures(q: { from?: string; to?: string }) {
    const to = q.to ?? chinaDay(this.d.clock.now());
    const from = q.from ?? addDays(to, 1 - HOTLINE_FIGURES_DEFAULT_DAYS);
    const problem = daySpanProblem(from, to, HOTLINE_FIGURES_MAX_DAYS);
    if (problem) throw new DomainError('VALIDATION_ERROR', problem, [{ path: 'query.to', message: problem }]);
    const counts = await this.d.calls.counts(chinaDayStart(from), chinaDayStart(addDays(to, 1)));
    return { from, to, ...toFigures(counts) };
  }

  /** Registry firms by name, for the call form's picker. */
  async enterprises(q: string) {
    const { items } = await this.d.enterprises.list({ q }, 1, 20);
    return { items: items.map((e) => ({ id: e.id, name: e.name })) };
  }

  private view(c: Parameters<typeof toCallView>[0]): HotlineCall {
    return toCallView(c, (enc) => this.d.pii.decrypt(enc));
  }
}
