import type { z } from 'zod';
import type { Supplier, supplierInputSchema } from '@fugong/contracts';
import { supplierReopening } from '@fugong/domain';
import { Types } from 'mongoose';
import type { Actor } from '../../auth/actor';
import { DomainError } from '../../errors';
import { isDuplicateKey } from '../../db/errors';
import type { SupplierRecord } from './supply.repository';
import type { SupplyDeps } from './supply.service';
import { firmOf, notFound, seesAll, SUPPLY_DEPARTMENT } from './supply-access';

/** A lead firm's 核心配套供应商: their reopening, the chain risk, coordination through 工信局. */
export class SupplierService {
  constructor(private readonly d: SupplyDeps) {}

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

  /** Each supplier with its reopening (registry report or the lead firm's word) and chain risk. */
  async supplierViews(list: SupplierRecord[]): Promise<Supplier[]> {
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
}
