import { maskPhone, type Application } from '@fugong/contracts';
import type { ApplicationRecord } from './application.repository';

/** An application as both sides see it: the applicant's phone masked. */
export function applicationView(
  a: ApplicationRecord,
  phone: string | null,
  passColour: Application['applicant']['passColour'],
): Application {
  return {
    id: a.id,
    vacancyId: a.vacancyId,
    enterpriseId: a.enterpriseId,
    enterpriseName: a.enterpriseName,
    position: a.position,
    status: a.status,
    applicant: {
      name: a.seekerName,
      phone: phone ? maskPhone(phone) : '',
      homeRegionCode: a.homeRegionCode,
      passColour,
    },
    note: a.note,
    interview: a.interview
      ? {
          mode: a.interview.mode,
          at: a.interview.at.toISOString(),
          link: a.interview.link,
          point: a.interview.point,
        }
      : null,
    offer: a.offer,
    employment: a.employment
      ? {
          id: a.id,
          enterpriseId: a.enterpriseId,
          enterpriseName: a.enterpriseName,
          position: a.position,
          startDay: a.employment.startDay,
          contractMonths: a.employment.contractMonths,
          socialInsurance: a.employment.socialInsurance,
          wage: a.employment.wage,
          arrivedAt: a.employment.arrivedAt ? a.employment.arrivedAt.toISOString() : null,
        }
      : null,
    timeline: a.timeline.map((e) => ({ status: e.status, at: e.at.toISOString(), by: e.by, note: e.note })),
    appliedAt: a.appliedAt.toISOString(),
  };
}
