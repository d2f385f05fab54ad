import { chinaDay, groupCharterRequests } from '@fugong/domain';
import type { CharterRequest, CharterRequestInput } from '@fugong/contracts';
import type { Actor } from '../../auth/actor';
import { hasRole } from '../../auth/actor';
import type { Clock } from '../../clock';
import type { PiiCipher } from '../../crypto/pii';
import { DomainError } from '../../errors';
import type { EnterpriseRepository, EnterpriseScope } from '../enterprises';
import { MAX_CHARTER_WORKERS, type CharterRecord, type CharterRepository } from './charter.repository';

export interface CharterServiceDeps {
  charters: CharterRepository;
  enterprises: EnterpriseRepository;
  scope: EnterpriseScope;
  pii: PiiCipher;
  clock: Clock;
}

/** The response shape: participants without their named staff (those stay with the transport manifest). */
export function toCharterView(c: CharterRecord): CharterRequest {
  return {
    ...c,
    participants: c.participants.map((p) => ({ ...p, joinedAt: p.joinedAt.toISOString() })),
    createdAt: c.createdAt.toISOString(),
  };
}

const canSeeAll = (actor: Actor) => hasRole(actor, 'transport', 'admin');

/** 包车需求: request, join (抱团组团包车), cancel, and the transport officer's grouped view. */
export class CharterService {
  constructor(private readonly d: CharterServiceDeps) {}

  async create(actor: Actor, input: CharterRequestInput & { enterpriseId: string }): Promise<CharterRequest> {
    const enterprise = await this.actingFor(actor, input.enterpriseId);
    if (input.earliestArrival < chinaDay(this.d.clock.now())) {
      throw new DomainError('VALIDATION_ERROR', '最早到达日期不能早于今天', [
        { path: 'earliestArrival', message: '不能早于今天', code: 'past_day' },
      ]);
    }
    const now = this.d.clock.now();
    const created = await this.d.charters.create({
      ownerEnterpriseId: enterprise.id,
      originRegionCode: input.originRegionCode,
      originName: input.originName,
      pickupPoint: input.pickupPoint,
      earliestArrival: input.earliestArrival,
      latestArrival: input.latestArrival,
      destinationRegionCode: enterprise.regionCode,
      note: input.note,
      createdAt: now,
      createdBy: actor.id,
      owner: {
        enterpriseId: enterprise.id,
        enterpriseName: enterprise.name,
        workers: input.workers,
        namedStaff: this.staff(input.namedStaff),
        joinedAt: now,
      },
    });
    return toCharterView(created);
  }

  async list(
    actor: Actor,
    q: { view: 'mine' | 'joinable'; state?: CharterRecord['state']; enterpriseId?: string },
  ) {
    const enterpriseId = q.enterpriseId ?? actor.enterpriseId;
    if (!enterpriseId) {
      if (!canSeeAll(actor)) return { items: [] };
      return { items: (await this.d.charters.listOpen({ state: q.state })).map(toCharterView) };
    }
    const enterprise = await this.actingFor(actor, enterpriseId, true);
    const items =
      q.view === 'joinable'
        ? await this.d.charters.listJoinable(
            enterprise.id,
            enterprise.regionCode,
            chinaDay(this.d.clock.now()),
          )
        : await this.d.charters.listForEnterprise(enterprise.id, q.state);
    return { items: items.map(toCharterView) };
  }

  async get(actor: Actor, id: string): Promise<CharterRequest> {
    const c = await this.d.charters.findById(id);
    if (!c) throw new DomainError('NOT_FOUND', '未找到该包车需求');
    if (canSeeAll(actor)) return toCharterView(c);
    const ids = await this.d.scope.enterpriseIds(actor);
    // Open requests are visible to any firm that might join them; closed ones only to participants.
    const participant = c.participants.some((p) => ids === 'all' || ids.includes(p.enterpriseId));
    if (!participant && !(c.state === 'open' && ids !== 'all' && ids.length > 0))
      throw new DomainError('NOT_FOUND', '未找到该包车需求');
    return toCharterView(c);
  }

  /** A small firm (规下) joins another's request; atomic, so no double join and no overfill. */
  async join(
    actor: Actor,
    id: string,
    input: { enterpriseId: string; workers: number; namedStaff: { name: string; phone?: string }[] },
  ): Promise<CharterRequest> {
    const enterprise = await this.actingFor(actor, input.enterpriseId);
    if (enterprise.size !== 'below')
      throw new DomainError('BUSINESS_RULE', '抱团组团包车面向规下（小微）企业，规上企业请单独提交需求');
    const joined = await this.d.charters.join(id, {
      enterpriseId: enterprise.id,
      enterpriseName: enterprise.name,
      workers: input.workers,
      namedStaff: this.staff(input.namedStaff),
      joinedAt: this.d.clock.now(),
    });
    if (joined) return toCharterView(joined);
    const current = await this.d.charters.findById(id);
    if (!current) throw new DomainError('NOT_FOUND', '未找到该包车需求');
    if (current.participants.some((p) => p.enterpriseId === enterprise.id))
      throw new DomainError('ALREADY_JOINED');
    if (current.state !== 'open')
      throw new DomainError('INVALID_TRANSITION', '该需求已关闭，不能再加入', {
        state: current.state,
        allowed: [],
      });
    throw new DomainError('BUSINESS_RULE', `该需求人数将超过上限 ${MAX_CHARTER_WORKERS} 人`, {
      totalWorkers: current.totalWorkers,
      max: MAX_CHARTER_WORKERS,
    });
  }

  async cancel(actor: Actor, id: string): Promise<CharterRequest> {
    const c = await this.d.charters.findById(id);
    if (!c) throw new DomainError('NOT_FOUND', '未找到该包车需求');
    await this.actingFor(actor, c.ownerEnterpriseId);
    const closed = await this.d.charters.close(id, 'cancelled');
    if (!closed)
      throw new DomainError('INVALID_TRANSITION', '该需求已不是待安排状态，不能撤回', {
        state: c.state,
        allowed: [],
      });
    return toCharterView(closed);
  }

  /** Open requests grouped by origin county and arrival day, for the transport officer. */
  async groups(q: { from?: string; to?: string }) {
    const open = await this.d.charters.listOpen(q);
    return {
      groups: groupCharterRequests(open).map((g) => ({ ...g, requests: g.requests.map(toCharterView) })),
    };
  }

  private staff(list: { name: string; phone?: string }[]) {
    return list.map((s) => ({ name: s.name, phoneEnc: s.phone ? this.d.pii.encrypt(s.phone) : null }));
  }

  private async actingFor(actor: Actor, enterpriseId: string, readOnly = false) {
    const ok = readOnly
      ? await this.d.scope.canAccess(actor, enterpriseId)
      : await this.d.scope.actsForEnterprise(actor, enterpriseId);
    if (!ok) throw new DomainError('FORBIDDEN', '只能为本企业办理包车需求');
    const e = await this.d.enterprises.findById(enterpriseId);
    if (!e) throw new DomainError('NOT_FOUND', '未找到该企业');
    return e;
  }
}
