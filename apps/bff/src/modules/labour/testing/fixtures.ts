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
