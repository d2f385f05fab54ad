import { randomInt } from 'node:crypto';
import { chinaDay, isIssueOverdue, OPEN_ISSUE_STATES, type SlaClock } from '@fugong/domain';
import type { Enterprise, EnterpriseInput, EnterpriseStaffList, IssueState } from '@fugong/contracts';
import type { Actor } from '../../auth/actor';
import { hasRole } from '../../auth/actor';
import type { Clock } from '../../clock';
import { DomainError } from '../../errors';
import { isDuplicateKey } from '../../db/errors';
import type { EnterpriseRecord, EnterpriseRepository } from './enterprise.repository';
import type { EnterpriseScope } from './enterprise-scope';
import type { StaffRepository } from './staff.repository';
import type { AssignmentRepository } from '../assignments';
import { importEnterprises } from './enterprise-import';
import { NO_LISTENERS, type RecordEventPublisher } from '../../events';

/** Invite codes avoid 0/O and 1/I: they are read out over the phone. */
const INVITE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * What a firm's card (the liaison's home page) reads of the modules built on top of the registry:
 * the last visit, the open issues and whether today is reported. Declared here, in the registry's
 * terms, because visits, issues and reopening reports all stand on the registry and its scope; the
 * composition root passes their repositories, which fit these shapes as they are.
 */
export interface FirmCardReads {
  visits: { lastVisitAt(enterpriseIds: string[]): Promise<Map<string, Date>> };
  issues: {
    listForEnterprises(
      enterpriseIds: string[],
      states: readonly IssueState[],
    ): Promise<Array<{ state: IssueState; clocks: Record<string, SlaClock> }>>;
  };
  /** Today's report of the firm, or null while it has not reported. */
  reopening: { findDay(enterpriseId: string, day: string): Promise<object | null> };
}

export interface EnterpriseServiceDeps {
  enterprises: EnterpriseRepository;
  scope: EnterpriseScope;
  staff: StaffRepository;
  /** Who serves the firm now (the assignments sit below the registry). */
  assignments: Pick<AssignmentRepository, 'liveForEnterprise'>;
  card: FirmCardReads;
  clock: Clock;
  /** Where registry writes are announced (the dashboard counts firms per region/industry/size). */
  events?: RecordEventPublisher;
}

/** The view every client gets of an enterprise (the invite code only through its own route). */
export function toEnterpriseView(e: EnterpriseRecord): Enterprise {
  return {
    id: e.id,
    name: e.name,
    creditCode: e.creditCode,
    industry: e.industry,
    size: e.size,
    regionCode: e.regionCode,
    address: e.address,
    headcount: e.headcount,
  };
}

/** The registry (admin), liaison binding, and an enterprise's own overview. */
export class EnterpriseService {
  constructor(private readonly d: EnterpriseServiceDeps) {}

  private get events(): RecordEventPublisher {
    return this.d.events ?? NO_LISTENERS;
  }

  async list(
    actor: Actor,
    q: {
      page: number;
      pageSize: number;
      regionCode?: string;
      size?: 'above' | 'below';
      industry?: string;
      q?: string;
    },
  ) {
    const ids = await this.d.scope.enterpriseIds(actor);
    const { items, total } = await this.d.enterprises.list(
      { ...q, ids: ids === 'all' ? undefined : ids },
      q.page,
      q.pageSize,
    );
    return { items: items.map(toEnterpriseView), total, page: q.page, pageSize: q.pageSize };
  }

  async create(input: EnterpriseInput): Promise<Enterprise> {
    const created = await this.d.enterprises.create(input);
    await this.events.publish({ type: 'enterprise.changed', enterpriseId: created.id });
    return toEnterpriseView(created);
  }

  async get(actor: Actor, id: string): Promise<Enterprise> {
    return toEnterpriseView(await this.visible(actor, id));
  }

  async update(id: string, patch: Partial<Omit<EnterpriseInput, 'creditCode'>>): Promise<Enterprise> {
    const updated = await this.d.enterprises.update(id, patch);
    if (!updated) throw new DomainError('NOT_FOUND', '未找到该企业');
    await this.events.publish({ type: 'enterprise.changed', enterpriseId: id });
    return toEnterpriseView(updated);
  }

  async import(format: 'xlsx' | 'csv', dataBase64: string) {
    // The registry's `updatedAt` is stamped by mongoose from the wall clock, so the window is too.
    const since = new Date(Date.now() - 1000);
    const result = await importEnterprises(this.d.enterprises, format, dataBase64);
    await this.events.publish({ type: 'enterprises.imported', since });
    return result;
  }

  /** Issues a fresh invite code (the old one stops working); retried on the rare clash. */
  async newInviteCode(id: string): Promise<{ enterpriseId: string; inviteCode: string }> {
    for (let attempt = 0; ; attempt += 1) {
      const code = Array.from(
        { length: 8 },
        () => INVITE_ALPHABET[randomInt(0, INVITE_ALPHABET.length)],
      ).join('');
      try {
        const e = await this.d.enterprises.setInviteCode(id, code);
        if (!e) throw new DomainError('NOT_FOUND', '未找到该企业');
        return { enterpriseId: e.id, inviteCode: code };
      } catch (err) {
        if (!isDuplicateKey(err) || attempt >= 3) throw err;
      }
    }
  }

  /** Binds the caller to the enterprise behind an invite code as its liaison. */
  async bind(actor: Actor, inviteCode: string) {
    const e = await this.d.enterprises.findByInviteCode(inviteCode);
    if (!e) throw new DomainError('INVITE_CODE_INVALID');
    if (!(await this.d.staff.bindLiaison(actor.id, e.id)))
      throw new DomainError('CONFLICT', '您的账号已绑定其他企业，请联系指挥部解绑');
    return { enterprise: toEnterpriseView(e), refreshSession: true as const };
  }

  /** What the liaison's home page shows: steward, last visit, issue counts, whether today is reported. */
  async overview(actor: Actor, id: string) {
    const e = await this.visible(actor, id);
    const now = this.d.clock.now();
    const [assignment, lastVisit, issues, today] = await Promise.all([
      this.d.assignments.liveForEnterprise(id),
      this.d.card.visits.lastVisitAt([id]),
      this.d.card.issues.listForEnterprises([id], OPEN_ISSUE_STATES),
      this.d.card.reopening.findDay(id, chinaDay(now)),
    ]);
    const steward = assignment ? (await this.d.staff.findByIds([assignment.stewardId]))[0] : undefined;
    const last = lastVisit.get(id) ?? null;
    return {
      enterprise: toEnterpriseView(e),
      stewardName: steward?.name ?? (assignment ? '已指派' : null),
      lastVisitAt: last ? last.toISOString() : null,
      openIssues: issues.length,
      overdueIssues: issues.filter((i) => isIssueOverdue(i, now)).length,
      todayReported: today !== null,
    };
  }

  /** Up to 50 firms by name (all when `q` is empty), for a transport officer choosing a destination. */
  async directory(q?: string) {
    const { items } = await this.d.enterprises.list({ q: q || undefined }, 1, 50);
    return { items: items.map((e) => ({ id: e.id, name: e.name, regionCode: e.regionCode })) };
  }

  /** The firm's staff (people bound to it), by name, for its liaison to book them seats. */
  async staff(actor: Actor, id: string): Promise<EnterpriseStaffList> {
    await this.visible(actor, id);
    const people = await this.d.staff.listOfEnterprise(id);
    return { items: people.map((p) => ({ id: p.id, name: p.name })) };
  }

  /** Loads an enterprise the actor may see; FORBIDDEN otherwise (ids are not secret, contents are). */
  private async visible(actor: Actor, id: string): Promise<EnterpriseRecord> {
    // Existence first: an id that names no firm is a 404 for everyone (ids are not secret).
    const e = await this.d.enterprises.findById(id);
    if (!e) throw new DomainError('NOT_FOUND', '未找到该企业');
    if (!hasRole(actor, 'admin')) await this.d.scope.assertAccess(actor, id);
    return e;
  }
}
