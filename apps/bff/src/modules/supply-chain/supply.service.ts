import type { z } from 'zod';
import {
  maskPhone,
  closedPostReason,
  type SupplyMatch,
  type SupplyPost,
  type supplyPostInputSchema,
} from '@fugong/contracts';
import { chinaDay, distanceKm, matchableWindow, matchProblem } from '@fugong/domain';
import type { Actor } from '../../auth/actor';
import type { AuditRepository } from '../../audit/audit.repository';
import type { Clock } from '../../clock';
import type { PiiCipher } from '../../crypto/pii';
import { DomainError } from '../../errors';
import { isDuplicateKey } from '../../db/errors';
import type { NeedIssueDispatch } from '../key-projects';
import type { MatchRecord, PostRecord, SupplyRepository } from './supply.repository';
import { matchView, postView } from './supply.view';
import { firmOf, notFound, seesAll } from './supply-access';

const CLOSED = '该信息已关闭';

/** What the supply chain needs of other modules, passed in by the container. */
export interface SupplyDeps {
  repo: SupplyRepository;
  enterprises: {
    findById(id: string): Promise<{ id: string; name: string; industry?: string } | null>;
  };
  /** The latest reopening report of registry firms. */
  reopening: { latestFor(ids: string[]): Promise<Map<string, { reopened: boolean }>> };
  /** True when the actor is the firm's liaison or its steward. */
  actsFor(actor: Actor, enterpriseId: string): Promise<boolean>;
  /** A coordination request becomes a dispatched issue, as a key project's need does (the container's one dispatch). */
  issues: NeedIssueDispatch;
  pii: PiiCipher;
  audit: AuditRepository;
  clock: Clock;
}

/** 产业链协同: posts, nearest candidates, matches both sides confirm, closing a post. */
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
      industry: firm.industry ?? null,
      contact: { name: input.contact.name, phoneEnc: this.d.pii.encrypt(input.contact.phone) },
      createdBy: actor.id,
      createdAt: this.d.clock.now(),
    });
    return postView(p, this.ownContact(p), null);
  }

  async posts(actor: Actor): Promise<{ items: SupplyPost[] }> {
    const firmId = firmOf(actor);
    if (!firmId && !seesAll(actor)) return { items: [] };
    const list = await this.d.repo.postsOf(firmId);
    return {
      items: list.map((p) => postView(p, p.enterpriseId === firmId ? this.ownContact(p) : null, null)),
    };
  }

  /**
   * The owning firm closes its post (no longer needed or offered): it leaves every candidate list,
   * its pending proposals end with a reason both sides read, confirmed matches stay readable.
   * Guarded: of two closes one applies, the other is a 409. Audited as a change of record.
   */
  async closePost(actor: Actor, id: string, requestId: string) {
    const mine = await this.ownPost(actor, id);
    const at = this.d.clock.now();
    const closed = await this.d.repo.closePost(id, mine.enterpriseId, actor.id, at);
    if (!closed)
      throw new DomainError('INVALID_TRANSITION', '该信息已关闭', { status: 'closed', allowed: [] });
    const matchesEnded = await this.endPendingOf(closed, at);
    await this.d.audit.append({
      at,
      actorId: actor.id,
      action: 'supply.post.close',
      subjectType: 'supply_post',
      subjectId: closed.id,
      fields: ['status'],
      requestId,
    });
    return { post: postView(closed, this.ownContact(closed), null), matchesEnded };
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
    return { items: found.map((p) => postView(p, null, distanceKm(mine.point, p.point))) };
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
        regionCodes: [...new Set([supply.regionCode, demand.regionCode])],
        industries: [...new Set([supply.industry, demand.industry].filter((x): x is string => !!x))],
        untilDay:
          supply.availableUntil < demand.availableUntil ? supply.availableUntil : demand.availableUntil,
      });
      // A close that landed between the check above and this insert ended the post's proposals
      // before this one existed: re-read both posts and take it back, so a closed post keeps none.
      const now = await Promise.all([this.d.repo.findPost(supply.id), this.d.repo.findPost(demand.id)]);
      if (now.some((p) => p?.status !== 'open') && (await this.d.repo.withdrawProposal(m.id)))
        throw new DomainError('BUSINESS_RULE', CLOSED, [{ path: 'counterpartId', message: CLOSED }]);
      return matchView(m, supply, demand);
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
    // A post closed without its proposals ended (a crash between the two writes) ends them now.
    const posts = await Promise.all([
      this.d.repo.findPost(m.supplyPostId),
      this.d.repo.findPost(m.demandPostId),
    ]);
    const closed = posts.find((p) => p && p.status !== 'open');
    if (closed) await this.endPendingOf(closed, this.d.clock.now());
    const done = await this.d.repo.confirm(id, actor.id, this.d.clock.now());
    if (done) return this.fullMatchView(done);
    const now = await this.d.repo.findMatch(id);
    if (now?.status === 'ended')
      throw new DomainError('INVALID_TRANSITION', now.endedReason ?? '该对接已结束', {
        status: 'ended',
        allowed: [],
      });
    throw new DomainError('INVALID_TRANSITION', '该对接已确认', { status: 'confirmed', allowed: [] });
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

  /** Ends the closed post's pending proposals, saying which side closed what. */
  private endPendingOf(closed: PostRecord, at: Date): Promise<number> {
    return this.d.repo.endPendingMatches(closed, closedPostReason(closed.side, closed.title), at);
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
    return matchView(m, s, d);
  }

  /** The firm's own contact on its own post, masked. */
  private ownContact(p: PostRecord) {
    return { name: p.contact.name, phone: maskPhone(this.d.pii.decrypt(p.contact.phoneEnc)) };
  }
}
