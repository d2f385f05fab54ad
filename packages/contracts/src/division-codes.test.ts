import { regionCodeSchema, riskAreaCodeSchema } from './common';
import { installDivisionCodeCheck } from './division-codes';
import { profileUpdateSchema } from './worker/profile';

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.error?.issues.map((i) => i.message) ?? [];

// A stand-in for the national table: 余姚市 (330281) and one of its streets, under 宁波市 in 浙江省.
const KNOWN = new Set(['330000', '330200', '330281', '330281001']);

describe('region codes checked against the division table', () => {
  beforeEach(() => installDivisionCodeCheck((code) => KNOWN.has(code)));
  afterAll(() => installDivisionCodeCheck(null));

  it('when a well-formed county code is not in the table, then it is refused in Chinese', () => {
    expect(messages(regionCodeSchema.safeParse('330299'))).toEqual(['行政区划中没有该地区，请从列表中选择']);
    expect(regionCodeSchema.safeParse('330281').success).toBe(true);
  });

  it('when a town code is not in the table, then the risk-area schema refuses it; a real one passes', () => {
    expect(messages(riskAreaCodeSchema.safeParse('330281999'))).toEqual([
      '行政区划中没有该乡镇（街道），请从所属县（市、区）下选择',
    ]);
    expect(riskAreaCodeSchema.safeParse('330281001').success).toBe(true);
  });

  it('when a code is malformed, then only the shape is reported (one message, not two)', () => {
    expect(messages(regionCodeSchema.safeParse('33028'))).toEqual(['行政区划代码应为 6 位数字']);
  });

  it('when a profile names a county that does not exist, then the home region is refused at that field', () => {
    const r = profileUpdateSchema.safeParse({
      name: '张建国',
      homeRegion: { province: '330000', city: '330200', county: '330288' },
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['homeRegion.county', '行政区划中没有该地区，请从列表中选择'],
    ]);
  });

  it('when no table is installed (the mini-program), then only the shape is checked', () => {
    installDivisionCodeCheck(null);
    expect(regionCodeSchema.safeParse('330299').success).toBe(true);
  });
});
