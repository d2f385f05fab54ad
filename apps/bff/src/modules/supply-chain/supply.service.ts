import type { z } from 'zod';
import {
  maskPhone,
  type IssueCategory,
  type SupplyMatch,
  type SupplyPost,
  type Supplier,
  type supplierInputSchema,
  type supplyPostInputSchema,
} from '@fugong/contracts';
import { chinaDay, distanceKm, matchableWindow, matchProblem, supplierReopening } from '@fugong/domain';
import { Types } from 'mongoose';
import { hasRole, type Actor } from '../../auth/actor';
import type { AuditRepository } from '../../audit/audit.repository';
import type { Clock } from '../../clock';
import type { PiiCipher } from '../../crypto/pii';
import { DomainError } from '../../errors';
import { isDuplicateKey } from '../../db/errors';
import type { MatchRecord, PostRecord, SupplierRecord, SupplyRepository } from './supply.repository';

/** What the supply chain needs of other modules, passed in by the container. */
export interface SupplyDeps {
  repo: SupplyRepository;
  enterprises: { findById(id: string): Promise<{ id: string; name: string } | null> };
  /** The latest reopening report of registry firms. */
  reopening: { latestFor(ids: string[]): Promise<Map<string, { reopened: boolean }>> };
  /** True when the actor is the firm's liaison or its steward. */
  actsFor(actor: Actor, enterpriseId: string): Promise<boolean>;
  issues: {
    dispatch(
      actor: Actor,
      i: {
        enterpriseId: string;
        category: IssueCategory;
        urgency: 'urgent' | 'normal';
        description: string;
        departmentCode: string;
        note: string;
      },
    ): Promise<{ id: string }>;
  };
  pii: PiiCipher;
  audit: AuditRepository;
  clock: Clock;
}

/** 工信局 (the seeds' 工业和信息化部门) and the command see every post, match and chain. */
export const SUPPLY_DEPARTMENT = 'gxj';
const seesAll = (a: Actor) =>
  hasRole(a, 'admin') || (hasRole(a, 'officer') && a.departmentId === SUPPLY_DEPARTMENT);
const firmOf = (a: Actor) => (hasRole(a, 'liaison') && a.enterpriseId ? a.enterpriseId : null);
const notFound = (what: string) => new DomainError('NOT_FOUND', `未找到该${what}`);

/** 产业链协同: posts, nearest candidates, matches both sides confirm, lead firms' key suppliers. */
export class SupplyService {
  constructor(private readonly d: SupplyDeps) {}

  async createPost(actor: Actor, input: z.output<typeof supplyPostInputSchema>): Promise<SupplyPost> {
    const firmId = firmOf(actor);
    if (!firmId) throw new DomainError('FORBIDDEN', '请先绑定所属企业，再发布供需信息');
    // A post that has already ended could never be matched: refuse it at the door, not later.
    if (input.availableUntil < chinaDay(this.d.clock.now()))
      throw new DomainError('VALIDATION_ERROR', '截止日期已过，请填写今天或以后的日期', [
        { path: 'availableUntil', message: '截止日期已过，请填写今天或以后的日期' },
      ]);
    const firm = await this.d.enterprises.findById(firmId);
    if (!firm) throw notFound('企业');
    const p = await this.d.repo.createPost({
      ...input,
      enterpriseId: firm.id,
      enterpriseName: firm.name,
      contact: { name: input.contact.name, phoneEnc: this.d.pii.encrypt(input.contact.phone) },
      createdBy: actor.id,
      createdAt: this.d.clock.now(),
    });
    return this.postView(p, true, null);
  }

  async posts(actor: Actor): Promise<{ items: SupplyPost[] }> {
    const firmId = firmOf(actor);
    if (!firmId && !seesAll(actor)) return { items: [] };
    const list = await this.d.repo.postsOf(firmId);
    return { items: list.map((p) => this.postView(p, p.enterpriseId === firmId, null)) };
  }

  /** Posts of the other side in the same category, nearest first; never their contact. */
  async candidates(actor: Actor, id: string): Promise<{ items: SupplyPost[] }> {
    const mine = await this.ownPost(actor, id);
    const other = mine.side === 'supply' ? 'demand' : 'supply';
    const today = chinaDay(this.d.clock.now());
    if (mine.availableUntil < today) return { items: [] };
    const found = await this.d.repo.nearest(
      other,
      mine.category,
      mine.point,
      mine.enterpriseId,
      matchableWindow(mine, today),
    );
    return { items: found.map((p) => this.postView(p, false, distanceKm(mine.point, p.point))) };
  }

  async propose(actor: Actor, postId: string, counterpartId: string): Promise<SupplyMatch> {
    const mine = await this.ownPost(actor, postId);
    const theirs = await this.d.repo.findPost(counterpartId);
    if (!theirs) throw notFound('对方信息');
    const problem = matchProblem(mine, theirs, chinaDay(this.d.clock.now()));
    if (problem)
      throw new DomainError('BUSINESS_RULE', problem, [{ path: 'counterpartId', message: problem }]);
    const [supply, demand] = mine.side === 'supply' ? [mine, theirs] : [theirs, mine];
    try {
      const m = await this.d.repo.createMatch({
        supplyPostId: supply.id,
        demandPostId: demand.id,
        supplyEnterpriseId: supply.enterpriseId,
        demandEnterpriseId: demand.enterpriseId,
        category: mine.category,
        proposedBy: mine.side,
        proposedAt: this.d.clock.now(),
        distanceKm: distanceKm(supply.point, demand.point),
      });
      return this.matchView(m, supply, demand);
    } catch (err) {
      if (isDuplicateKey(err)) throw new DomainError('CONFLICT', '已与该信息发起过对接');
      throw err;
    }
  }

  async matches(actor: Actor): Promise<{ items: SupplyMatch[] }> {
    const firmId = firmOf(actor);
    if (!firmId && !seesAll(actor)) return { items: [] };
    const list = await this.d.repo.matchesOf(seesAll(actor) ? null : firmId);
    return { items: await Promise.all(list.map((m) => this.fullMatchView(m))) };
  }

  /** The side that did not propose confirms; a second confirmation is a 409 and changes nothing. */
  async confirm(actor: Actor, id: string): Promise<SupplyMatch> {
    const m = await this.partyMatch(actor, id);
    const confirmingSide = firmOf(actor) === m.supplyEnterpriseId ? 'supply' : 'demand';
    if (confirmingSide === m.proposedBy) throw new DomainError('FORBIDDEN', '对接须由对方确认');
    const done = await this.d.repo.confirm(id, actor.id, this.d.clock.now());
    if (!done)
      throw new DomainError('INVALID_TRANSITION', '该对接已确认', { status: 'confirmed', allowed: [] });
    return this.fullMatchView(done);
  }

  /** The other party's contact, once both sides confirmed; audited before it leaves. */
  async contact(actor: Actor, id: string, requestId: string) {
    const m = await this.partyMatch(actor, id);
    if (m.status !== 'confirmed')
      throw new DomainError('BUSINESS_RULE', '双方确认对接后才能查看对方联系方式');
    const theirId = firmOf(actor) === m.supplyEnterpriseId ? m.demandPostId : m.supplyPostId;
    const theirs = await this.d.repo.findPost(theirId);
    if (!theirs) throw notFound('对方信息');
    await this.d.audit.append({
      at: this.d.clock.now(),
      actorId: actor.id,
      action: 'pii.read',
      subjectType: 'supply_post',
      subjectId: theirs.id,
      fields: ['contact.phone'],
      requestId,
    });
    return {
      matchId: m.id,
      enterpriseName: theirs.enterpriseName,
      name: theirs.contact.name,
      phone: this.d.pii.decrypt(theirs.contact.phoneEnc),
    };
  }

  async addSupplier(actor: Actor, input: z.output<typeof supplierInputSchema>): Promise<Supplier> {
    const lead = firmOf(actor);
    if (!lead) throw new DomainError('FORBIDDEN', '由龙头企业联络员登记核心配套供应商');
    if (input.enterpriseId && !(await this.d.enterprises.findById(input.enterpriseId)))
      throw notFound('供应商企业');
    try {
      const s = await this.d.repo.addSupplier({
        ...input,
        leadEnterpriseId: lead,
        createdAt: this.d.clock.now(),
      });
      return (await this.supplierViews([s]))[0];
    } catch (err) {
      if (isDuplicateKey(err)) throw new DomainError('CONFLICT', '该供应商已登记');
      throw err;
    }
  }

  /** The lead firm, its steward, 工信局 and the command see each supplier's reopening and risk. */
  async suppliers(actor: Actor, leadId: string): Promise<{ items: Supplier[] }> {
    if (!seesAll(actor) && !(await this.d.actsFor(actor, leadId))) throw notFound('企业');
    return { items: await this.supplierViews(await this.d.repo.suppliersOf(leadId)) };
  }

  /** A supplier elsewhere to be coordinated (发函): one issue dispatched to 工信局, once per supplier. */
  async coordinate(actor: Actor, id: string, note: string): Promise<Supplier> {
    const s = await this.d.repo.findSupplier(id);
    if (!s || !(await this.d.actsFor(actor, s.leadEnterpriseId))) throw notFound('供应商');
    const placeholder = new Types.ObjectId().toHexString();
    if (!(await this.d.repo.claimCoordination(id, placeholder)))
      throw new DomainError('INVALID_TRANSITION', '已提交协调请求', { allowed: [] });
    try {
      const issue = await this.d.issues.dispatch(actor, {
        enterpriseId: s.leadEnterpriseId,
        category: 'supply_chain',
        urgency: 'normal',
        description: `【产业链协同】协调核心配套供应商 ${s.name}（${s.regionCode}，${s.supplies}）复工：${note}`,
        departmentCode: SUPPLY_DEPARTMENT,
        note: '请工信局对外沟通联络，必要时发函配套企业所在地政府',
      });
      await this.d.repo.setCoordination(id, placeholder, issue.id);
    } catch (err) {
      await this.d.repo.setCoordination(id, placeholder, null);
      throw err;
    }
    return (await this.supplierViews([(await this.d.repo.findSupplier(id))!]))[0];
  }

  async figures() {
    const [counts, proposed, confirmed, suppliers] = await Promise.all([
      this.d.repo.openPostCounts(),
      this.d.repo.countMatches('proposed'),
      this.d.repo.countMatches('confirmed'),
      this.d.repo.suppliersOf(null),
    ]);
    const views = await this.supplierViews(suppliers);
    return {
      postsOpen: counts.map((c) => ({ side: c._id.side, category: c._id.category, count: c.count })),
      matchesProposed: proposed,
      matchesConfirmed: confirmed,
      suppliers: views.length,
      suppliersAtRisk: views.filter((v) => v.chainRisk).length,
    };
  }

  private async supplierViews(list: SupplierRecord[]): Promise<Supplier[]> {
    const ids = list.flatMap((s) => (s.enterpriseId ? [s.enterpriseId] : []));
    const latest = ids.length
      ? await this.d.reopening.latestFor(ids)
      : new Map<string, { reopened: boolean }>();
    return list.map((s) => {
      const r = supplierReopening(
        s.enterpriseId ? (latest.get(s.enterpriseId) ?? null) : null,
        s.reportedReopened,
      );
      return {
        id: s.id,
        leadEnterpriseId: s.leadEnterpriseId,
        name: s.name,
        regionCode: s.regionCode,
        enterpriseId: s.enterpriseId,
        supplies: s.supplies,
        reopened: r.reopened,
        statusSource: r.source,
        chainRisk: r.chainRisk,
        coordinationIssueId: s.coordinationIssueId,
      };
    });
  }

  private async ownPost(actor: Actor, id: string): Promise<PostRecord> {
    const p = await this.d.repo.findPost(id);
    if (!p || p.enterpriseId !== firmOf(actor)) throw notFound('供需信息');
    return p;
  }

  private async partyMatch(actor: Actor, id: string): Promise<MatchRecord> {
    const m = await this.d.repo.findMatch(id);
    const firm = firmOf(actor);
    if (!m || !firm || (m.supplyEnterpriseId !== firm && m.demandEnterpriseId !== firm))
      throw notFound('对接');
    return m;
  }

  private async fullMatchView(m: MatchRecord): Promise<SupplyMatch> {
    const [s, d] = await Promise.all([
      this.d.repo.findPost(m.supplyPostId),
      this.d.repo.findPost(m.demandPostId),
    ]);
    if (!s || !d) throw notFound('对接');
    return this.matchView(m, s, d);
  }

  private matchView(m: MatchRecord, s: PostRecord, d: PostRecord): SupplyMatch {
    return {
      id: m.id,
      category: m.category,
      supply: this.postView(s, false, null),
      demand: this.postView(d, false, null),
      status: m.status,
      proposedBy: m.proposedBy,
      proposedAt: m.proposedAt.toISOString(),
      confirmedAt: m.confirmedAt ? m.confirmedAt.toISOString() : null,
      distanceKm: m.distanceKm,
    };
  }

  /** Contact only on the firm's own post, and masked even there (the full phone is an audited read). */
  private postView(p: PostRecord, own: boolean, distance: number | null): SupplyPost {
    return {
      id: p.id,
      enterpriseId: p.enterpriseId,
      enterpriseName: p.enterpriseName,
      side: p.side,
      category: p.category,
      title: p.title,
      quantity: p.quantity,
      unit: p.unit,
      regionCode: p.regionCode,
      availableFrom: p.availableFrom,
      availableUntil: p.availableUntil,
      status: p.status,
      createdAt: p.createdAt.toISOString(),
      contact: own
        ? { name: p.contact.name, phone: maskPhone(this.d.pii.decrypt(p.contact.phoneEnc)) }
        : null,
      distanceKm: distance,
    };
  }
}
