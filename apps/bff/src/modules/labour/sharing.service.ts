import type { z } from 'zod';
import type {
  SharingAgreement,
  sharingAgreementInputSchema,
  sharingBoardQuerySchema,
  SharingOverview,
  SharingPost,
  sharingPostInputSchema,
} from '@fugong/contracts';
import { chinaDay, sharingTermsProblem } from '@fugong/domain';
import { hasRole, type Actor } from '../../auth/actor';
import type { Clock } from '../../clock';
import type { PiiCipher } from '../../crypto/pii';
import { businessRule, conflict, DomainError, forbidden, notFound } from '../../errors';
import { LabourAccess } from './labour-access';
import type { SharingAgreementRecord, SharingPostRecord, SharingRepository } from './sharing.repository';
import type { LabourPeople } from './seeker.service';
import type { LabourEnterpriseLookup } from './vacancy.service';

const postView = (p: SharingPostRecord): SharingPost => ({
  id: p.id,
  enterpriseId: p.enterpriseId,
  enterpriseName: p.enterpriseName,
  kind: p.kind,
  headcount: p.headcount,
  agreed: p.headcount - p.free,
  status: p.status,
  fromDay: p.fromDay,
  toDay: p.toDay,
  industry: p.industry,
  regionCode: p.regionCode,
  note: p.note,
  postedAt: p.postedAt.toISOString(),
});
// The workers' phones never leave the server: each side sees how many are named.
const agreementView = (a: SharingAgreementRecord): SharingAgreement => ({
  id: a.id,
  surplusId: a.surplusId,
  shortageId: a.shortageId,
  status: a.status,
  proposedBy: a.proposedBy,
  lender: { id: a.lenderId, name: a.lenderName },
  borrower: { id: a.borrowerId, name: a.borrowerName },
  headcount: a.headcount,
  fromDay: a.fromDay,
  toDay: a.toDay,
  terms: a.terms,
  insurancePayer: a.insurancePayer,
  workers: a.workerPhoneHashes.length,
  proposedAt: a.proposedAt.toISOString(),
  agreedAt: a.agreedAt ? a.agreedAt.toISOString() : null,
});

/**
 * 用工调剂: a firm with idle staff offers them for a period, a firm short of hands asks; one of
 * the two proposes the terms and the other agrees, which commits the heads on both posts at once.
 * The lent workers keep their employer; they see the arrangement by the phone the lender named.
 */
export class SharingService {
  constructor(
    private readonly d: {
      sharing: SharingRepository;
      access: LabourAccess;
      enterprises: LabourEnterpriseLookup;
      people: LabourPeople;
      pii: PiiCipher;
      clock: Clock;
    },
  ) {}

  async post(actor: Actor, input: z.output<typeof sharingPostInputSchema>): Promise<SharingPost> {
    const enterpriseId = await this.d.access.firmFor(actor, input.enterpriseId);
    this.d.access.assertCounties([input.regionCode]);
    if (input.toDay < chinaDay(this.d.clock.now()))
      throw new DomainError('VALIDATION_ERROR', '结束日期已过', {
        fields: [{ path: 'toDay', message: '结束日期已过', code: 'custom' }],
      });
    const firm = await this.d.enterprises.findById(enterpriseId);
    if (!firm) throw notFound('该企业');
    const saved = await this.d.sharing.createPost({
      enterpriseId,
      enterpriseName: firm.name,
      kind: input.kind,
      headcount: input.headcount,
      fromDay: input.fromDay,
      toDay: input.toDay,
      industry: input.industry,
      regionCode: input.regionCode,
      note: input.note,
      postedBy: actor.id,
      postedAt: this.d.clock.now(),
    });
    return postView(saved);
  }

  async board(query: z.output<typeof sharingBoardQuerySchema>): Promise<{ items: SharingPost[] }> {
    return { items: (await this.d.sharing.board(query)).map(postView) };
  }

  async mine(actor: Actor): Promise<{ items: SharingPost[] }> {
    const firms = await this.d.access.firmsOf(actor);
    return { items: firms.length ? (await this.d.sharing.postsOf(firms)).map(postView) : [] };
  }

  async close(actor: Actor, id: string): Promise<SharingPost> {
    const post = await this.d.sharing.findPost(id);
    if (!post || !(await this.d.access.firmsOf(actor)).includes(post.enterpriseId))
      throw notFound('该调剂发布');
    const closed = await this.d.sharing.closePost(id);
    if (!closed) throw new DomainError('INVALID_TRANSITION', '该调剂发布已结束');
    return postView(closed);
  }

  /** One party proposes; the terms must fit both posts now (the agreement checks the heads again). */
  async propose(
    actor: Actor,
    input: z.output<typeof sharingAgreementInputSchema>,
  ): Promise<SharingAgreement> {
    const [lender, borrower] = await Promise.all([
      this.d.sharing.findPost(input.surplusId),
      this.d.sharing.findPost(input.shortageId),
    ]);
    if (!lender || lender.kind !== 'surplus') throw notFound('该富余员工发布');
    if (!borrower || borrower.kind !== 'shortage') throw notFound('该缺工发布');
    const firms = await this.d.access.firmsOf(actor);
    const side = firms.includes(lender.enterpriseId)
      ? 'lender'
      : firms.includes(borrower.enterpriseId)
        ? 'borrower'
        : null;
    if (!side) throw forbidden('只有借出或借用的企业可以提出调剂');
    if (lender.enterpriseId === borrower.enterpriseId) throw businessRule('同一企业内部不需要调剂');
    if (lender.status !== 'open' || borrower.status !== 'open')
      throw new DomainError('INVALID_TRANSITION', '该调剂发布已结束');
    if (side === 'borrower' && input.workerPhones.length > 0)
      throw businessRule('被借调的员工由借出企业填写', [
        { path: 'workerPhones', message: '借用企业不能填写' },
      ]);
    const problem = sharingTermsProblem(input, lender, borrower, chinaDay(this.d.clock.now()));
    if (problem) throw businessRule(problem.message, [problem]);
    const saved = await this.d.sharing.propose({
      surplusId: lender.id,
      shortageId: borrower.id,
      lenderId: lender.enterpriseId,
      lenderName: lender.enterpriseName,
      borrowerId: borrower.enterpriseId,
      borrowerName: borrower.enterpriseName,
      headcount: input.headcount,
      fromDay: input.fromDay,
      toDay: input.toDay,
      terms: input.terms,
      insurancePayer: input.insurancePayer,
      workerPhoneHashes: [...new Set(input.workerPhones.map((p) => this.d.pii.lookupHash(p)))],
      proposedBy: side,
      proposedByUser: actor.id,
      proposedAt: this.d.clock.now(),
    });
    if (saved === 'duplicate') throw conflict('这两项发布之间已有待确认的调剂，请等待对方确认');
    return agreementView(saved);
  }

  /** Each firm its own arrangements; 人社局 and the command every one. */
  async agreements(actor: Actor): Promise<{ items: SharingAgreement[] }> {
    if (this.seesAll(actor)) return { items: (await this.d.sharing.agreementsOf(null)).map(agreementView) };
    const firms = await this.d.access.firmsOf(actor);
    return { items: firms.length ? (await this.d.sharing.agreementsOf(firms)).map(agreementView) : [] };
  }

  /** The other party agrees: the heads are committed on both posts, or nothing is (409). */
  async agree(actor: Actor, id: string): Promise<SharingAgreement> {
    await this.counterpartOf(actor, id);
    const done = await this.d.sharing.commit(id, actor.id, this.d.clock.now());
    if (done === 'not_proposed') throw new DomainError('INVALID_TRANSITION', '该调剂已确认或已婉拒');
    if (done === 'heads_taken') throw new DomainError('SHARING_HEADS_TAKEN');
    return agreementView(done);
  }

  async decline(actor: Actor, id: string): Promise<SharingAgreement> {
    await this.counterpartOf(actor, id);
    const done = await this.d.sharing.decline(id, actor.id);
    if (!done) throw new DomainError('INVALID_TRANSITION', '该调剂已确认或已婉拒');
    return agreementView(done);
  }

  /** A lent worker's arrangements, found by the phone they signed in with. */
  async lent(actor: Actor): Promise<{ items: SharingAgreement[] }> {
    const phone = await this.d.people.phoneOf(actor.id);
    if (!phone) return { items: [] };
    return {
      items: (await this.d.sharing.agreementsOfWorker(this.d.pii.lookupHash(phone))).map(agreementView),
    };
  }

  async overview(actor: Actor): Promise<SharingOverview> {
    if (!this.seesAll(actor)) throw forbidden('用工调剂总览由人社局和指挥部查看');
    const [{ byKind, byStatus }, items] = await Promise.all([
      this.d.sharing.totals(),
      this.d.sharing.agreementsOf(null, 100),
    ]);
    const side = (kind: 'surplus' | 'shortage') => {
      const g = byKind.find((k) => k._id === kind);
      return { posts: g?.posts ?? 0, heads: g?.heads ?? 0, free: g?.free ?? 0 };
    };
    const status = (s: string) => byStatus.find((g) => g._id === s);
    return {
      surplus: side('surplus'),
      shortage: side('shortage'),
      agreements: {
        proposed: status('proposed')?.n ?? 0,
        agreed: status('agreed')?.n ?? 0,
        heads: status('agreed')?.heads ?? 0,
      },
      items: items.map(agreementView),
    };
  }

  private seesAll(actor: Actor): boolean {
    return hasRole(actor, 'admin') || LabourAccess.isLabourOfficer(actor);
  }

  /** Only the party that did not propose decides; anyone else is told nothing of the arrangement. */
  private async counterpartOf(actor: Actor, id: string): Promise<SharingAgreementRecord> {
    const a = await this.d.sharing.findAgreement(id);
    const firms = a ? await this.d.access.firmsOf(actor) : [];
    if (!a || (!firms.includes(a.lenderId) && !firms.includes(a.borrowerId))) throw notFound('该调剂');
    const deciding = a.proposedBy === 'lender' ? a.borrowerId : a.lenderId;
    if (!firms.includes(deciding)) throw forbidden('请等待对方企业确认');
    return a;
  }
}
