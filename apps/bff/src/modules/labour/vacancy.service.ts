import type { z } from 'zod';
import type { vacancyEditSchema, vacancyInputSchema, vacancySearchSchema, Vacancy } from '@fugong/contracts';
import { freshSince, headcountProblem, keywordTerms, queryTerms } from '@fugong/domain';
import type { Actor } from '../../auth/actor';
import type { Clock } from '../../clock';
import { DomainError, notFound } from '../../errors';
import { replayed, type ReplayedResponse } from '../../http/route';
import type { LabourAccess } from './labour-access';
import type { VacancyRepository } from './vacancy.repository';
import { vacancyView } from './vacancy.view';

type FirmFacts = { id: string; name: string; size: string; industry: string };
export interface LabourEnterpriseLookup {
  findById(id: string): Promise<FirmFacts | null>;
  /** The firms with these ids (unknown ids skipped), for grouping figures by size. */
  listByIds(ids: string[]): Promise<FirmFacts[]>;
}

/** The 动态空岗信息库: firms (or their agency) post, confirm and withdraw; everyone searches. */
export class VacancyService {
  constructor(
    private readonly d: {
      vacancies: VacancyRepository;
      access: LabourAccess;
      enterprises: LabourEnterpriseLookup;
      clock: Clock;
    },
  ) {}

  async post(
    actor: Actor,
    input: z.output<typeof vacancyInputSchema>,
    key: string | undefined,
  ): Promise<Vacancy | ReplayedResponse<Vacancy>> {
    const enterpriseId = await this.d.access.firmFor(actor, input.enterpriseId);
    this.d.access.assertCounties([input.place.regionCode]);
    const now = this.d.clock.now();
    if (key) {
      const earlier = await this.d.vacancies.findByKey(actor.id, key);
      if (earlier) return replayed(vacancyView(earlier, now));
    }
    const firm = await this.d.enterprises.findById(enterpriseId);
    if (!firm) throw notFound('企业');
    const { enterpriseId: _named, place, ...fields } = input;
    const v = await this.d.vacancies.create({
      ...fields,
      enterpriseId,
      enterpriseName: firm.name,
      postedBy: actor.id,
      regionCode: place.regionCode,
      address: place.address,
      location: { type: 'Point', coordinates: [place.point.lng, place.point.lat] },
      status: 'open',
      keywords: keywordTerms(input.position, input.industry, input.requirements, firm.name),
      confirmedAt: now,
      postedAt: now,
      idempotencyKey: key ?? null,
    });
    return vacancyView(v, now);
  }

  async mine(actor: Actor, enterpriseId?: string): Promise<{ items: Vacancy[] }> {
    const firms = enterpriseId
      ? [await this.d.access.firmFor(actor, enterpriseId)]
      : await this.d.access.firmsOf(actor);
    const now = this.d.clock.now();
    return { items: (await this.d.vacancies.listByEnterprises(firms)).map((v) => vacancyView(v, now)) };
  }

  /** The firms the actor may post for, by name: the form's firm choice for an agency. */
  async firms(actor: Actor): Promise<{ items: { id: string; name: string }[] }> {
    const firms = await Promise.all(
      (await this.d.access.firmsOf(actor)).map((id) => this.d.enterprises.findById(id)),
    );
    return { items: firms.flatMap((f) => (f ? [{ id: f.id, name: f.name }] : [])) };
  }

  /** Open vacancies confirmed within 7 days; stale and closed ones never show. */
  async search(q: z.output<typeof vacancySearchSchema>): Promise<{ items: Vacancy[] }> {
    const now = this.d.clock.now();
    const items = await this.d.vacancies.search({
      region: q.region,
      industry: q.industry,
      wage: q.wage,
      contractKind: q.contractKind,
      noCertificate: q.noCertificate,
      keywordTerms: q.keyword ? queryTerms(q.keyword) : undefined,
      freshSince: freshSince(now),
      near: q.near ? { ...q.near, maxMetres: (q.withinKm ?? 50) * 1000 } : undefined,
      limit: q.pageSize,
    });
    return { items: items.map((v) => vacancyView(v, now)) };
  }

  async get(id: string): Promise<Vacancy> {
    const v = await this.d.vacancies.findById(id);
    if (!v) throw notFound('岗位');
    return vacancyView(v, this.d.clock.now());
  }

  async confirm(actor: Actor, id: string, headcount?: number): Promise<Vacancy> {
    const v = await this.owned(actor, id);
    if (headcount !== undefined) {
      const problem = headcountProblem(headcount, v.filled);
      if (problem) throw new DomainError('BUSINESS_RULE', problem, { filled: v.filled });
    }
    const done = await this.d.vacancies.confirm(id, [v.enterpriseId], this.d.clock.now(), headcount);
    if (!done) throw new DomainError('INVALID_TRANSITION', '岗位已撤回或已变更，请刷新后重试');
    await this.d.vacancies.settleStatus(id);
    return this.get(id);
  }

  /**
   * The firm restates its posting: a wage or headcount changes as orders do. Editing counts as
   * confirming it is current; the headcount never drops below those already hired.
   */
  async edit(actor: Actor, id: string, input: z.output<typeof vacancyEditSchema>): Promise<Vacancy> {
    const v = await this.owned(actor, id);
    this.d.access.assertCounties([input.place.regionCode]);
    const problem = headcountProblem(input.headcount, v.filled);
    if (problem) throw new DomainError('BUSINESS_RULE', problem, { filled: v.filled });
    const { place, ...fields } = input;
    const done = await this.d.vacancies.edit(id, [v.enterpriseId], {
      ...fields,
      regionCode: place.regionCode,
      address: place.address,
      location: { type: 'Point', coordinates: [place.point.lng, place.point.lat] },
      keywords: keywordTerms(input.position, input.industry, input.requirements, v.enterpriseName),
      confirmedAt: this.d.clock.now(),
    });
    if (!done) throw new DomainError('INVALID_TRANSITION', '岗位已撤回或人数低于已录用，请刷新后重试');
    await this.d.vacancies.settleStatus(id);
    return this.get(id);
  }

  async withdraw(actor: Actor, id: string): Promise<Vacancy> {
    const v = await this.owned(actor, id);
    const done = await this.d.vacancies.withdraw(id, [v.enterpriseId]);
    if (!done) throw new DomainError('INVALID_TRANSITION', '岗位已撤回');
    return vacancyView(done, this.d.clock.now());
  }

  /** A vacancy of a firm the actor acts for; any other is answered as not found. */
  private async owned(actor: Actor, id: string) {
    const v = await this.d.vacancies.findById(id);
    if (!v || !(await this.d.access.firmsOf(actor)).includes(v.enterpriseId)) throw notFound('岗位');
    return v;
  }
}
