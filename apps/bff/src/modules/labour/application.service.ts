import type { z } from 'zod';
import type {
  Application,
  ApplicationStatus,
  WayThere,
  applyInputSchema,
  interviewInputSchema,
  offerInputSchema,
} from '@fugong/contracts';
import { APPLICATION_STEPS, chinaDay, type ApplicationStep } from '@fugong/domain';
import type { Actor } from '../../auth/actor';
import type { AuditRepository } from '../../audit/audit.repository';
import type { Clock } from '../../clock';
import type { PiiCipher } from '../../crypto/pii';
import { DomainError, notFound } from '../../errors';
import type { LabourAccess } from './labour-access';
import type { ApplicationRecord, ApplicationRepository } from './application.repository';
import { applicationView } from './application.view';
import type { LabourPeople } from './seeker.service';
import type { SeekerRepository } from './seeker.repository';
import type { VacancyRepository } from './vacancy.repository';

/** Published trips from a home region to a firm (the trips module, reached through the container). */
export type TripsToFirm = (
  actor: Actor,
  originRegionCode: string,
  enterpriseId: string,
) => Promise<WayThere['trips']>;

const HOUR = 3_600_000;
const stepDetails = (a: ApplicationRecord, step: ApplicationStep) => ({
  status: a.status,
  allowed: APPLICATION_STEPS[step].from,
});

/** 先寻岗、再定岗、后到岗: every step a guarded transition with a timeline entry. */
export class ApplicationService {
  constructor(
    private readonly d: {
      applications: ApplicationRepository;
      vacancies: VacancyRepository;
      seekers: SeekerRepository;
      access: LabourAccess;
      people: LabourPeople;
      pii: PiiCipher;
      audit: AuditRepository;
      clock: Clock;
      tripsToFirm: TripsToFirm;
    },
  ) {}

  async apply(actor: Actor, input: z.output<typeof applyInputSchema>): Promise<Application> {
    const seeker = await this.d.seekers.findByUser(actor.id);
    if (!seeker) throw new DomainError('BUSINESS_RULE', '请先完成求职登记', { reason: 'not_registered' });
    const v = await this.d.vacancies.findById(input.vacancyId);
    if (!v) throw notFound('岗位');
    if (v.status !== 'open') throw new DomainError('VACANCY_CLOSED', undefined, { status: v.status });
    const now = this.d.clock.now();
    const created = await this.d.applications.create({
      vacancyId: v.id,
      enterpriseId: v.enterpriseId,
      enterpriseName: v.enterpriseName,
      position: v.position,
      seekerUserId: actor.id,
      seekerName: seeker.name,
      homeRegionCode: seeker.homeRegionCode,
      status: 'applied',
      note: input.note,
      interview: null,
      offer: null,
      employment: null,
      charterBus: v.charterBus,
      timeline: [{ status: 'applied', at: now, by: 'seeker', note: input.note }],
      appliedAt: now,
      days: { applied: chinaDay(now), offered: null, accepted: null, arrived: null },
    });
    if (created === 'duplicate')
      throw new DomainError('CONFLICT', '您已投递过该岗位', { reason: 'already_applied' });
    return this.view(created, seeker.showPassColour);
  }

  async list(
    actor: Actor,
    q: { vacancyId?: string; status?: ApplicationStatus },
  ): Promise<{ items: Application[] }> {
    const firms = await this.d.access.firmsOf(actor);
    // A worker sees their own; a firm (liaison, agency) the applications to its firms only.
    const scope = firms.length > 0 ? { enterpriseIds: firms } : { seekerUserId: actor.id };
    const items = await this.d.applications.list({ ...scope, ...q });
    const consent = await this.consents(items);
    return { items: await Promise.all(items.map((a) => this.view(a, consent.get(a.seekerUserId) ?? false))) };
  }

  async get(actor: Actor, id: string): Promise<Application> {
    const { a } = await this.visible(actor, id);
    return this.view(a, (await this.consents([a])).get(a.seekerUserId) ?? false);
  }

  /** The firm reads the applicant's phone and ID number in full; audited before it leaves. */
  async contact(actor: Actor, id: string, requestId: string) {
    const { a, side } = await this.visible(actor, id);
    if (side !== 'firm') throw notFound('投递记录');
    await this.d.audit.append({
      at: this.d.clock.now(),
      actorId: actor.id,
      action: 'pii.read',
      subjectType: 'labour_application',
      subjectId: a.id,
      fields: ['applicant.phone', 'applicant.idNumber'],
      requestId,
    });
    const seeker = await this.d.seekers.findByUser(a.seekerUserId);
    return {
      applicationId: a.id,
      name: a.seekerName,
      phone: (await this.d.people.phoneOf(a.seekerUserId)) ?? '',
      idNumber: seeker?.idNumberEnc ? this.d.pii.decrypt(seeker.idNumberEnc) : null,
    };
  }

  async step(actor: Actor, id: string, step: ApplicationStep, body: unknown): Promise<Application> {
    const { a, side } = await this.visible(actor, id);
    const rule = APPLICATION_STEPS[step];
    if (rule.by !== side)
      throw new DomainError('FORBIDDEN', side === 'firm' ? '这一步由求职者办理' : '这一步由企业办理');
    if (!rule.from.includes(a.status))
      throw new DomainError('INVALID_TRANSITION', undefined, stepDetails(a, step));
    const now = this.d.clock.now();
    const entry = { status: rule.to, at: now, by: side, note: '' };
    let set: Record<string, unknown> = {};
    if (step === 'interview')
      set = this.interviewSet(body as z.output<typeof interviewInputSchema>, now, entry);
    if (step === 'reject') entry.note = (body as { reason: string }).reason;
    if (step === 'offer') {
      const offer = body as z.output<typeof offerInputSchema>;
      if (offer.startDay < chinaDay(now)) throw new DomainError('BUSINESS_RULE', '到岗日期不能早于今天');
      set = { offer, 'days.offered': chinaDay(now) };
      // The offer holds a place first: none beyond headcount, and none on a closed vacancy.
      if (!(await this.d.vacancies.reserveOffer(a.vacancyId)))
        throw new DomainError('VACANCY_FULL', '岗位名额已满（含已发出的录用），不能再发录用');
    }
    if (step === 'accept') {
      set = {
        employment: { ...a.offer!, acceptedAt: now, arrivedAt: null },
        'days.accepted': chinaDay(now),
      };
      // 定岗 takes a headcount slot; the vacancy's filter requires filled < headcount.
      if (!(await this.d.vacancies.claimHire(a.vacancyId)))
        throw new DomainError('VACANCY_FULL', '很抱歉，岗位已招满或已撤回');
    }
    if (step === 'arrive') set = { 'employment.arrivedAt': now, 'days.arrived': chinaDay(now) };
    const done = await this.d.applications.step(id, rule.from, entry, set);
    if (!done) {
      // The place taken above goes back: the application moved under us.
      if (step === 'offer') await this.d.vacancies.releaseOffer(a.vacancyId);
      if (step === 'accept') await this.d.vacancies.releaseHire(a.vacancyId);
      throw new DomainError('INVALID_TRANSITION', '进度已变化，请刷新后重试', stepDetails(a, step));
    }
    if (step === 'decline') await this.d.vacancies.releaseOffer(a.vacancyId);
    if (step === 'accept') await this.d.vacancies.settleStatus(a.vacancyId);
    return this.view(done, (await this.consents([done])).get(done.seekerUserId) ?? false);
  }

  /** 后到岗: trips from home to the firm, or the firm's charter list (the liaison sees it). */
  async wayThere(actor: Actor, id: string): Promise<WayThere> {
    const { a, side } = await this.visible(actor, id);
    if (side !== 'seeker' || (a.status !== 'accepted' && a.status !== 'arrived'))
      throw new DomainError('BUSINESS_RULE', '定岗后才能查看返岗车次', { status: a.status });
    return {
      applicationId: a.id,
      enterpriseName: a.enterpriseName,
      homeRegionCode: a.homeRegionCode,
      trips: await this.d.tripsToFirm(actor, a.homeRegionCode, a.enterpriseId),
      charterBus: a.charterBus,
    };
  }

  /** New hires not yet arrived, for the liaison's charter request (包车). */
  async awaiting(actor: Actor) {
    const firms = await this.d.access.firmsOf(actor);
    const items =
      firms.length === 0 ? [] : await this.d.applications.list({ enterpriseIds: firms, status: 'accepted' });
    return {
      items: items.map((a) => ({
        applicationId: a.id,
        name: a.seekerName,
        position: a.position,
        homeRegionCode: a.homeRegionCode,
        startDay: a.employment?.startDay ?? '',
        charterBus: a.charterBus,
      })),
    };
  }

  private interviewSet(i: z.output<typeof interviewInputSchema>, now: Date, entry: { note: string }) {
    const at = new Date(i.at);
    if (at.getTime() < now.getTime() || at.getTime() > now.getTime() + 60 * 24 * HOUR)
      throw new DomainError('BUSINESS_RULE', '面试时间应在现在到 60 天内');
    const link = i.mode === 'video' ? i.link : null;
    const point = i.mode === 'remote_point' ? i.point : null;
    entry.note = link ?? point ?? '';
    return { interview: { mode: i.mode, at, link, point } };
  }

  /** The application and which side the actor is on; anyone else gets not found. */
  private async visible(
    actor: Actor,
    id: string,
  ): Promise<{ a: ApplicationRecord; side: 'seeker' | 'firm' }> {
    const a = await this.d.applications.findById(id);
    if (!a) throw notFound('投递记录');
    if (a.seekerUserId === actor.id) return { a, side: 'seeker' };
    if ((await this.d.access.firmsOf(actor)).includes(a.enterpriseId)) return { a, side: 'firm' };
    throw notFound('投递记录');
  }

  private async consents(items: ApplicationRecord[]): Promise<Map<string, boolean>> {
    const seekers = await this.d.seekers.findByUsers([...new Set(items.map((a) => a.seekerUserId))]);
    return new Map(seekers.map((s) => [s.userId, s.showPassColour]));
  }

  private async view(a: ApplicationRecord, showColour: boolean): Promise<Application> {
    const phone = await this.d.people.phoneOf(a.seekerUserId);
    const colour = showColour ? await this.d.people.passColourOf(a.seekerUserId) : null;
    return applicationView(a, phone, colour);
  }
}
