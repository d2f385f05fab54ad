import type { Vacancy } from '@fugong/contracts';
import { isStale } from '@fugong/domain';
import type { VacancyRecord } from './vacancy.repository';

/** A stored vacancy as the API answers it. */
export function vacancyView(v: VacancyRecord, now: Date): Vacancy {
  return {
    id: v.id,
    enterpriseId: v.enterpriseId,
    enterpriseName: v.enterpriseName,
    position: v.position,
    industry: v.industry,
    headcount: v.headcount,
    filled: v.filled,
    reserved: v.reserved,
    wageMin: v.wageMin,
    wageMax: v.wageMax,
    place: {
      regionCode: v.regionCode,
      address: v.address,
      point: { lng: v.location.coordinates[0], lat: v.location.coordinates[1] },
    },
    shifts: v.shifts,
    contractKind: v.contractKind,
    requirements: v.requirements,
    certificateRequired: v.certificateRequired,
    accommodation: v.accommodation,
    meals: v.meals,
    healthRequirements: v.healthRequirements,
    charterBus: v.charterBus,
    status: v.status,
    stale: v.status !== 'withdrawn' && isStale(v.confirmedAt, now),
    confirmedAt: v.confirmedAt.toISOString(),
    postedAt: v.postedAt.toISOString(),
    distanceM: v.distanceM === undefined ? null : Math.round(v.distanceM),
  };
}
