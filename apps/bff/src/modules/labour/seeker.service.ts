import type { z } from 'zod';
import {
  maskIdNumber,
  maskPhone,
  type PassColor,
  type Seeker,
  type SeekerCard,
  type seekerInputSchema,
} from '@fugong/contracts';
import { matchScore } from '@fugong/domain';
import type { Actor } from '../../auth/actor';
import type { Clock } from '../../clock';
import type { PiiCipher } from '../../crypto/pii';
import { notFound } from '../../errors';
import type { LabourAccess } from './labour-access';
import type { ApplicationRepository } from './application.repository';
import type { SeekerRecord, SeekerRepository } from './seeker.repository';
import type { VacancyRepository } from './vacancy.repository';

/** What the module needs from the rest of the BFF about a person (passed in by the container). */
export interface LabourPeople {
  phoneOf(userId: string): Promise<string | null>;
  passColourOf(userId: string): Promise<PassColor>;
}

/** 求职登记 and the firm's view of candidates: never an ID number or a phone. */
export class SeekerService {
  constructor(
    private readonly d: {
      seekers: SeekerRepository;
      vacancies: VacancyRepository;
      applications: ApplicationRepository;
      access: LabourAccess;
      people: LabourPeople;
      pii: PiiCipher;
      clock: Clock;
    },
  ) {}

  async register(actor: Actor, input: z.output<typeof seekerInputSchema>): Promise<Seeker> {
    this.d.access.assertCounties([input.homeRegionCode, ...input.willingRegionCodes]);
    const { idNumber, homePoint, ...fields } = input;
    const s = await this.d.seekers.upsert(
      actor.id,
      {
        ...fields,
        idNumberEnc: idNumber ? this.d.pii.encrypt(idNumber) : null,
        homePoint: homePoint ? { type: 'Point', coordinates: [homePoint.lng, homePoint.lat] } : null,
      },
      this.d.clock.now(),
    );
    return this.own(s);
  }

  async me(actor: Actor): Promise<{ seeker: Seeker | null }> {
    const s = await this.d.seekers.findByUser(actor.id);
    return { seeker: s ? await this.own(s) : null };
  }

  /**
   * Candidates for one of the actor's vacancies, best fit first: a masked name and what they
   * want, never an ID number or phone; pass colour only with consent. Another firm's vacancy is
   * 404, as if it did not exist.
   */
  async candidates(actor: Actor, vacancyId: string): Promise<{ items: SeekerCard[] }> {
    const v = await this.d.vacancies.findById(vacancyId);
    if (!v || !(await this.d.access.firmsOf(actor)).includes(v.enterpriseId)) throw notFound('岗位');
    const found = await this.d.seekers.candidates(v.industry, v.wageMax, 200);
    const scored = found
      .map((s) => ({ s, score: matchScore({ ...s }, { ...v }) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 50);
    const applied = await this.d.applications.appliedAmong(
      v.id,
      scored.map(({ s }) => s.userId),
    );
    const items: SeekerCard[] = [];
    for (const { s, score } of scored) {
      items.push({
        id: s.id,
        displayName: `${Array.from(s.name)[0]}**`,
        wantedIndustries: s.wantedIndustries,
        wantedPositions: s.wantedPositions,
        homeRegionCode: s.homeRegionCode,
        expectedWage: s.expectedWage,
        availableFrom: s.availableFrom,
        skills: s.skills,
        certificates: s.certificates,
        passColour: s.showPassColour ? await this.d.people.passColourOf(s.userId) : null,
        score,
        applied: applied.has(s.userId),
      });
    }
    return { items };
  }

  /** The seeker's own record: their own data, masked as everywhere else on screen. */
  private async own(s: SeekerRecord): Promise<Seeker> {
    const phone = await this.d.people.phoneOf(s.userId);
    return {
      id: s.id,
      name: s.name,
      idNumber: s.idNumberEnc ? maskIdNumber(this.d.pii.decrypt(s.idNumberEnc)) : null,
      phone: phone ? maskPhone(phone) : '',
      wantedIndustries: s.wantedIndustries,
      wantedPositions: s.wantedPositions,
      homeRegionCode: s.homeRegionCode,
      willingRegionCodes: s.willingRegionCodes,
      homePoint: s.homePoint ? { lng: s.homePoint.coordinates[0], lat: s.homePoint.coordinates[1] } : null,
      expectedWage: s.expectedWage,
      availableFrom: s.availableFrom,
      skills: s.skills,
      certificates: s.certificates,
      trainingWishes: s.trainingWishes,
      showPassColour: s.showPassColour,
      registeredAt: s.registeredAt.toISOString(),
    };
  }
}
