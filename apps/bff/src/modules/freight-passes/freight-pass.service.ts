import type { z } from 'zod';
import {
  FREIGHT_STATUS_LABELS,
  type FreightPass,
  type FreightStatus,
  type freightApplySchema,
} from '@fugong/contracts';
import { approvalPathFor, freightReviewDue, validityIssues, type WorkCalendar } from '@fugong/domain';
import { hasRole, type Actor } from '../../auth/actor';
import type { AuditRepository } from '../../audit/audit.repository';
import type { Clock } from '../../clock';
import type { PiiCipher } from '../../crypto/pii';
import { DomainError } from '../../errors';
import type { FreightPassRecord, FreightPassRepository } from './freight-pass.repository';
import { toFreightPassView } from './freight-pass.view';

/** The slice of the enterprise registry an application needs: a 物流企业 is a registry firm like any other. */
export interface FreightEnterpriseLookup {
  findById(id: string): Promise<{ id: string; name: string; size: 'above' | 'below' } | null>;
}

export interface FreightPassServiceDeps {
  passes: FreightPassRepository;
  enterprises: FreightEnterpriseLookup;
  pii: PiiCipher;
  audit: AuditRepository;
  clock: Clock;
  calendar: WorkCalendar;
}

type ApplyInput = z.output<typeof freightApplySchema>;

const seesAll = (actor: Actor) => hasRole(actor, 'transport', 'admin');
const notFound = () => new DomainError('NOT_FOUND', '未找到该通行证');

/**
 * 通行证网上办理: a firm's liaison applies under 告知承诺; green-channel cargo is approved at once,
 * the rest waits for a transport officer (one working day); the officer may revoke later.
 */
export class FreightPassService {
  constructor(private readonly d: FreightPassServiceDeps) {}

  async apply(actor: Actor, input: ApplyInput): Promise<FreightPass> {
    if (!hasRole(actor, 'liaison') || !actor.enterpriseId)
      throw new DomainError('FORBIDDEN', '请先绑定所属企业，再为本企业车辆申请通行证');
    const firm = await this.d.enterprises.findById(actor.enterpriseId);
    if (!firm) throw new DomainError('NOT_FOUND', '未找到所属企业');
    const now = this.d.clock.now();
    const validFrom = new Date(input.validFrom);
    const validUntil = new Date(input.validUntil);
    const issues = validityIssues(validFrom, validUntil, now);
    if (issues.length) throw new DomainError('VALIDATION_ERROR', issues[0].message, issues);
    const path = approvalPathFor(input.cargo, firm.size);
    const { driver } = input;
    const created = await this.d.passes.create({
      enterpriseId: firm.id,
      enterpriseName: firm.name,
      appliedBy: actor.id,
      plate: input.plate,
      vehicleType: input.vehicleType,
      driver: {
        name: driver.name,
        phoneEnc: this.d.pii.encrypt(driver.phone),
        phoneHash: this.d.pii.lookupHash(driver.phone),
        idNumberEnc: this.d.pii.encrypt(driver.idNumber),
      },
      cargo: input.cargo,
      cargoNote: input.cargoNote,
      route: input.route,
      validFrom,
      validUntil,
      approvalPath: path,
      status: path === 'commitment' ? 'approved' : 'pending',
      commitment: { version: input.commitment.version, signedAt: now },
      appliedAt: now,
      reviewDueAt: path === 'review' ? freightReviewDue(now, this.d.calendar) : null,
      decidedAt: path === 'commitment' ? now : null,
    });
    return this.view(created);
  }

  /** A liaison's own firm's passes; the transport office and the command see every firm's. */
  async list(actor: Actor, status?: FreightStatus): Promise<{ items: FreightPass[] }> {
    const enterpriseId = seesAll(actor) ? null : actor.enterpriseId;
    if (!seesAll(actor) && !enterpriseId) return { items: [] };
    return { items: (await this.d.passes.list(enterpriseId, status)).map((p) => this.view(p)) };
  }

  async queue(): Promise<{ items: FreightPass[] }> {
    return { items: (await this.d.passes.pending()).map((p) => this.view(p)) };
  }

  async get(actor: Actor, id: string): Promise<FreightPass> {
    return this.view(await this.visible(actor, id));
  }

  /** The driver's phone and ID number in full, for a trace or a roadside call; audited first. */
  async driverFull(actor: Actor, id: string, requestId: string) {
    const p = await this.visible(actor, id);
    // Written before the data leaves: if the audit write fails, nothing is disclosed.
    await this.d.audit.append({
      at: this.d.clock.now(),
      actorId: actor.id,
      action: 'pii.read',
      subjectType: 'freight_pass',
      subjectId: p.id,
      fields: ['driver.phone', 'driver.idNumber'],
      requestId,
    });
    return {
      passId: p.id,
      name: p.driver.name,
      phone: this.d.pii.decrypt(p.driver.phoneEnc),
      idNumber: this.d.pii.decrypt(p.driver.idNumberEnc),
    };
  }

  async approve(actor: Actor, id: string, note: string): Promise<FreightPass> {
    return this.settle(id, await this.d.passes.decide(id, 'approved', actor.id, this.d.clock.now(), note));
  }

  async refuse(actor: Actor, id: string, reason: string): Promise<FreightPass> {
    return this.settle(id, await this.d.passes.decide(id, 'refused', actor.id, this.d.clock.now(), reason));
  }

  async revoke(actor: Actor, id: string, reason: string): Promise<FreightPass> {
    const done = await this.d.passes.revoke(id, actor.id, this.d.clock.now(), reason);
    if (done) return this.view(done);
    const current = await this.d.passes.findById(id);
    if (!current) throw notFound();
    throw new DomainError(
      'INVALID_TRANSITION',
      `该通行证${FREIGHT_STATUS_LABELS[current.status]}，不能撤销`,
      {
        status: current.status,
        allowed: [],
      },
    );
  }

  /** The guarded transition's answer: the pass, or why it could not move (409 for the second officer). */
  private async settle(id: string, done: FreightPassRecord | null): Promise<FreightPass> {
    if (done) return this.view(done);
    const current = await this.d.passes.findById(id);
    if (!current) throw notFound();
    throw new DomainError(
      'INVALID_TRANSITION',
      `该通行证已处理（${FREIGHT_STATUS_LABELS[current.status]}），不能重复审核，请刷新`,
      { status: current.status, allowed: [] },
    );
  }

  /** The pass when the actor may see it; another firm's pass is "not found", not "forbidden". */
  private async visible(actor: Actor, id: string): Promise<FreightPassRecord> {
    const p = await this.d.passes.findById(id);
    if (!p) throw notFound();
    if (seesAll(actor)) return p;
    if (hasRole(actor, 'liaison') && actor.enterpriseId === p.enterpriseId) return p;
    throw notFound();
  }

  private view(p: FreightPassRecord): FreightPass {
    return toFreightPassView(p, this.d.pii, this.d.clock.now());
  }
}
