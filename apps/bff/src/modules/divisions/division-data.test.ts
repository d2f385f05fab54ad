import { DivisionData } from './division-data';

// The shipped GB/T 2260 data: the one source every region check in the BFF reads.
const data = new DivisionData();

describe('which region codes the division data knows, and at which level', () => {
  it('when a form carries a province, a city or a county in its 6-digit form, or a town, then each is known', () => {
    expect(['330000', '330200', '330281', '330281001'].map((c) => data.knows(c))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['330299', '339900', '33028', '330281999'].map((c) => data.knows(c))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('when only a county will do (a vacancy, a seeker’s home), then a province or city code is refused', () => {
    expect(data.knows('330281', ['county'])).toBe(true);
    expect(data.knows('330200', ['county'])).toBe(false);
    expect(data.knows('330000', ['county'])).toBe(false);
    expect(data.knows('330281001', ['county'])).toBe(false);
  });

  it('when a city has no counties (东莞市 441900), then its code passes as a county and as a city', () => {
    expect(data.knows('441900', ['county'])).toBe(true);
    expect(data.knows('441900', ['city'])).toBe(true);
    expect(data.find('441900')?.name).toBe('东莞市');
  });

  it('when a charter may start from a county or a city, then a province is not among them', () => {
    expect(data.knows('330200', ['county', 'city'])).toBe(true);
    expect(data.knows('520102', ['county', 'city'])).toBe(true);
    expect(data.knows('330000', ['county', 'city'])).toBe(false);
  });
});
