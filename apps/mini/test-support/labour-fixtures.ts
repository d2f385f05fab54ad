import type { Application, SeekerCard, SharingAgreement, SharingPost, Vacancy } from '@fugong/contracts';

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

/** Firm A's 用工调剂 post: five idle line workers for the second half of March. */
export function sharingPost(over: Partial<SharingPost> = {}): SharingPost {
  return {
    id: '64b7f0c2a1b2c3d4e5f60d01',
    enterpriseId: FIRM_A,
    enterpriseName: '余姚舜宇光学',
    kind: 'surplus',
    headcount: 5,
    agreed: 0,
    status: 'open',
    fromDay: '2026-03-10',
    toDay: '2026-03-31',
    industry: '制造业',
    regionCode: '330281',
    note: '',
    postedAt: '2026-03-06T02:00:00.000Z',
    ...over,
  };
}

/** Firm A lends three of them to firm B, proposed by B and waiting for A. */
export function sharingAgreement(over: Partial<SharingAgreement> = {}): SharingAgreement {
  return {
    id: '64b7f0c2a1b2c3d4e5f60e01',
    surplusId: '64b7f0c2a1b2c3d4e5f60d01',
    shortageId: '64b7f0c2a1b2c3d4e5f60d02',
    status: 'proposed',
    proposedBy: 'borrower',
    lender: { id: FIRM_A, name: '余姚舜宇光学' },
    borrower: { id: FIRM_B, name: '慈溪电器厂' },
    headcount: 3,
    fromDay: '2026-03-16',
    toDay: '2026-03-31',
    terms: '装配线普工，借用单位按日结算工资',
    insurancePayer: 'lender',
    workers: 0,
    proposedAt: '2026-03-06T03:00:00.000Z',
    agreedAt: null,
    ...over,
  };
}

/** A seeker fitting that vacancy as the firm sees them: masked, with consent to show the pass colour. */
export function seekerCard(over: Partial<SeekerCard> = {}): SeekerCard {
  return {
    id: '64b7f0c2a1b2c3d4e5f60c01',
    displayName: '李**',
    wantedIndustries: ['制造业'],
    wantedPositions: ['普工'],
    homeRegionCode: '520102',
    expectedWage: 5000,
    availableFrom: '2026-03-10',
    skills: ['焊接'],
    certificates: [],
    passColour: 'green',
    score: 86,
    applied: false,
    ...over,
  };
}
