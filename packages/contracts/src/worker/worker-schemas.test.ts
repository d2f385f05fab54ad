import { checkinInputSchema, temperatureSchema } from './health';
import { homeRegionSchema, profileUpdateSchema, roleGrantSchema } from './profile';
import { plateSchema, tripInputSchema } from './trip';
import { staffBookingInputSchema } from './booking';

describe('worker journey schemas', () => {
  it('when a temperature is 35.0–42.0 with one decimal, then it passes; otherwise it fails', () => {
    expect(temperatureSchema.safeParse(36.5).success).toBe(true);
    expect(temperatureSchema.safeParse(42).success).toBe(true);
    for (const bad of [34.9, 42.1, 36.55, '36.5', Number.NaN])
      expect(temperatureSchema.safeParse(bad).success).toBe(false);
  });

  it('when a check-in leaves out optional parts, then they default to none', () => {
    const parsed = checkinInputSchema.parse({ temperature: 36.6, healthCode: 'green' });
    expect(parsed).toEqual({
      temperature: 36.6,
      healthCode: 'green',
      symptoms: [],
      places: [],
      arrivedFromOutsideProvince: false,
      arrivalDate: null,
    });
  });

  it('when an out-of-province arrival has no date, or a symptom repeats, then the field is named', () => {
    const r = checkinInputSchema.safeParse({
      temperature: 36.6,
      healthCode: 'green',
      arrivedFromOutsideProvince: true,
      symptoms: ['cough', 'cough'],
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['arrivalDate', 'symptoms']);
  });

  it('when a check-in smuggles an extra field, then it is refused', () => {
    expect(
      checkinInputSchema.safeParse({ temperature: 36.6, healthCode: 'green', workerId: 'x' }).success,
    ).toBe(false);
  });

  it('when the county is not in the city, then the home region is refused', () => {
    expect(homeRegionSchema.safeParse({ province: '520000', city: '520100', county: '520102' }).success).toBe(
      true,
    );
    expect(homeRegionSchema.safeParse({ province: '520000', city: '510100', county: '510104' }).success).toBe(
      false,
    );
  });

  it('when the ID number has a wrong check character, then the profile is refused; lower-case x is accepted', () => {
    const base = { name: '张建国', homeRegion: { province: '520000', city: '520100', county: '520102' } };
    expect(profileUpdateSchema.safeParse({ ...base, idNumber: '11010519491231002x' }).data?.idNumber).toBe(
      '11010519491231002X',
    );
    expect(profileUpdateSchema.safeParse({ ...base, idNumber: '110105194912310021' }).success).toBe(false);
  });

  it('when a liaison role is granted without an enterprise, then it is refused', () => {
    expect(roleGrantSchema.safeParse({ roles: ['liaison'] }).success).toBe(false);
    expect(roleGrantSchema.safeParse({ roles: ['transport'] }).success).toBe(true);
  });

  it('when plates are checked, then provincial and new-energy plates pass and junk fails', () => {
    for (const ok of ['贵A12345', '浙B·D12345', '川AD12345'])
      expect(plateSchema.safeParse(ok).success).toBe(true);
    for (const bad of ['ABC', '贵a12345', '贵A1234']) expect(plateSchema.safeParse(bad).success).toBe(false);
  });

  it('when a trip omits the occupancy cap, then it defaults to 50%', () => {
    const trip = tripInputSchema.parse({
      originRegionCode: '520102',
      originName: '贵阳',
      pickupPoints: [{ name: '北站' }],
      destinations: [{ enterpriseId: '65f0a1b2c3d4e5f6a7b8c9d0', dropPoint: '东门' }],
      departureAt: '2026-03-03T07:00:00+08:00',
      vehicle: { plate: '贵A12345', seats: 45 },
      driver: { name: '刘师傅' },
    });
    expect(trip.occupancyCapPct).toBe(50);
  });

  it('when a liaison lists the same staff twice, then it is refused', () => {
    const id = '65f0a1b2c3d4e5f6a7b8c9d0';
    expect(staffBookingInputSchema.safeParse({ staffIds: [id, id] }).success).toBe(false);
  });
});
