import type { Application, Vacancy } from '@fugong/contracts';

export const FIRM_A = '64b7f0c2a1b2c3d4e5f60799';
export const FIRM_B = '64b7f0c2a1b2c3d4e5f60788';

/** An open vacancy of 余姚舜宇光学 as GET /api/labour/vacancies returns it. */
export function vacancy(over: Partial<Vacancy> = {}): Vacancy {
  return {
    id: '64b7f0c2a1b2c3d4e5f60a01',
    enterpriseId: FIRM_A,
    enterpriseName: '余姚舜宇光学',
    position: '电子厂普工',
    industry: '制造业',
    headcount: 5,
    filled: 1,
    reserved: 1,
    wageMin: 4500,
    wageMax: 6000,
    place: { regionCode: '330281', address: '余姚市阳明街道光电路 8 号', point: { lng: 121.15, lat: 30.04 } },
    shifts: ['two_shift'],
    contractKind: 'full_time',
    requirements: '',
    certificateRequired: false,
    accommodation: true,
    meals: true,
    healthRequirements: '',
    charterBus: true,
    status: 'open',
    stale: false,
    confirmedAt: '2026-03-01T02:00:00.000Z',
    postedAt: '2026-03-01T02:00:00.000Z',
    distanceM: null,
    ...over,
  };
}

/** Worker 李春燕's application to that vacancy. */
export function application(over: Partial<Application> = {}): Application {
  return {
    id: '64b7f0c2a1b2c3d4e5f60b01',
    vacancyId: '64b7f0c2a1b2c3d4e5f60a01',
    enterpriseId: FIRM_A,
    enterpriseName: '余姚舜宇光学',
    position: '电子厂普工',
    status: 'applied',
    applicant: { name: '李春燕', phone: '138****0001', homeRegionCode: '520102', passColour: 'green' },
    note: '',
    interview: null,
    offer: null,
    employment: null,
    timeline: [{ status: 'applied', at: '2026-03-02T02:00:00.000Z', by: 'seeker', note: '' }],
    appliedAt: '2026-03-02T02:00:00.000Z',
    ...over,
  };
}
