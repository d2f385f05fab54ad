/** A valid vacancy posting: an electronics line in Yuyao with board, meals and a charter bus home-to-work. */
export const vacancyBody = (over: Record<string, unknown> = {}) => ({
  position: '电子厂普工',
  industry: '制造业',
  headcount: 2,
  wageMin: 4500,
  wageMax: 6000,
  place: { regionCode: '330281', address: '余姚市阳明街道光电路 8 号', point: { lng: 121.15, lat: 30.04 } },
  shifts: ['two_shift'],
  contractKind: 'full_time',
  certificateRequired: false,
  accommodation: true,
  meals: true,
  charterBus: true,
  ...over,
});

/** A valid job-seeker registration: a worker from 贵阳 (520102) after factory work from 10 March. */
export const seekerBody = (over: Record<string, unknown> = {}) => ({
  name: '李春燕',
  wantedIndustries: ['制造业'],
  homeRegionCode: '520102',
  expectedWage: 5000,
  availableFrom: '2026-03-10',
  showPassColour: true,
  ...over,
});

/** A valid 用工调剂 post: a Yuyao firm's line for most of March. */
export const sharingPostBody = (over: Record<string, unknown> = {}) => ({
  kind: 'surplus',
  headcount: 5,
  fromDay: '2026-03-10',
  toDay: '2026-03-31',
  industry: '制造业',
  regionCode: '330281',
  note: '',
  ...over,
});

/** Terms both firms can sign for those posts: three people for the second half of March. */
export const sharingTermsBody = (
  surplusId: string,
  shortageId: string,
  over: Record<string, unknown> = {},
) => ({
  surplusId,
  shortageId,
  headcount: 3,
  fromDay: '2026-03-16',
  toDay: '2026-03-31',
  terms: '装配线普工，借用单位按日结算工资',
  insurancePayer: 'lender',
  ...over,
});
