import { vacancyEditSchema, vacancyInputSchema } from './vacancy';

const posting = {
  position: '电子厂普工',
  industry: '制造业',
  headcount: 5,
  wageMin: 4500,
  wageMax: 6000,
  place: { regionCode: '330281', address: '余姚市阳明街道光电路 8 号', point: { lng: 121.15, lat: 30.04 } },
  shifts: ['two_shift'],
  contractKind: 'full_time',
  certificateRequired: false,
  accommodation: true,
  meals: true,
  charterBus: true,
};

describe('vacancy postings and edits', () => {
  it('when an edit restates a posting, then it is accepted with the same rules as a new posting', () => {
    expect(vacancyEditSchema.safeParse(posting).success).toBe(true);
    expect(vacancyInputSchema.safeParse(posting).success).toBe(true);
  });

  it('when an edit reverses the wage range, then it names 最高工资 and says why', () => {
    const r = vacancyEditSchema.safeParse({ ...posting, wageMin: 7000 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['wageMax'], message: '最低工资不能高于最高工资' });
  });

  it('when an edit tries to move the vacancy to another firm, then it is refused', () => {
    const r = vacancyEditSchema.safeParse({ ...posting, enterpriseId: '64b7f0c2a1b2c3d4e5f60799' });
    expect(r.success).toBe(false);
  });
});
