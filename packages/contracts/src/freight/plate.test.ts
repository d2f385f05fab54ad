import { freightApplySchema, FREIGHT_COMMITMENT } from './freight';
import { isValidPlate, normalisePlate, PLATE_FORMAT_MESSAGE } from './plate';

describe('number plates', () => {
  it('when an ordinary 7-character plate is given, then it is accepted', () => {
    for (const p of ['浙B12345', '浙BA2345', '京A0Z99K', '粤Z1234港', '浙B1234挂', '新A12345'])
      expect({ p, ok: isValidPlate(p) }).toEqual({ p, ok: true });
  });

  it('when a new-energy 8-character plate is given (small D/F first, large D/F last), then it is accepted', () => {
    for (const p of ['浙AD12345', '浙AFA1234', '浙B12345D', '沪C54321F'])
      expect({ p, ok: isValidPlate(p) }).toEqual({ p, ok: true });
  });

  it('when typed with spaces, a dot or lower case, then it is normalised first', () => {
    expect(normalisePlate(' 浙b·123 45 ')).toBe('浙B12345');
    expect(isValidPlate('浙b·12345')).toBe(true);
  });

  it('when the shape is wrong, then it is refused', () => {
    for (const p of [
      '',
      'B12345',
      '浙12345',
      '浙I12345', // I reads as 1
      '浙BO2345', // O reads as 0
      '浙B1234',
      '浙B123456',
      '浙AX12345', // 8 characters without D/F
      '浙B1234D5',
      '台A12345', // not a mainland province abbreviation
      'WJ12345',
      '浙B1234警', // police, not civil
    ])
      expect({ p, ok: isValidPlate(p) }).toEqual({ p, ok: false });
  });
});

describe('freight application schema', () => {
  const valid = {
    plate: '浙b 12345',
    vehicleType: 'heavy_truck',
    driver: { name: '王师傅', phone: '13912345678', idNumber: '11010519491231002X' },
    cargo: 'epidemic_supplies',
    route: {
      originRegionCode: '330281',
      originText: '余姚市阳明街道',
      destinationRegionCode: '310115',
      destinationText: '上海市浦东新区',
    },
    validFrom: '2026-03-02T09:00:00+08:00',
    validUntil: '2026-03-09T09:00:00+08:00',
    commitment: { accepted: true, version: FREIGHT_COMMITMENT.version },
  };

  it('when the plate is well formed, then it is stored normalised', () => {
    const parsed = freightApplySchema.parse(valid);
    expect(parsed.plate).toBe('浙B12345');
  });

  it('when the plate is malformed, then the issue names the plate field with the Chinese message', () => {
    const r = freightApplySchema.safeParse({ ...valid, plate: '浙B1234' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['plate', PLATE_FORMAT_MESSAGE],
    ]);
  });

  it('when the commitment is not ticked or is an old version, then it is refused', () => {
    const unticked = freightApplySchema.safeParse({
      ...valid,
      commitment: { accepted: false, version: FREIGHT_COMMITMENT.version },
    });
    expect(unticked.error!.issues[0].message).toBe('请阅读并勾选告知承诺书');
    const old = freightApplySchema.safeParse({
      ...valid,
      commitment: { accepted: true, version: '2019-v0' },
    });
    expect(old.error!.issues[0].message).toBe('告知承诺书已更新，请重新阅读后勾选');
  });
});
