import type { Booking, Checkin, ManifestRow, PassToken, Trip } from '@fugong/contracts';

/** Sample API payloads for the worker-journey page tests, shaped by the shared contracts. */
export const TRIP: Trip = {
  id: '65f0a1b2c3d4e5f6a7b8c9d0',
  status: 'published',
  originRegionCode: '520102',
  originName: '贵阳市南明区',
  pickupPoints: [{ name: '南明区人社局门口' }, { name: '贵阳北站' }],
  destinations: [
    {
      enterpriseId: '65f0a1b2c3d4e5f6a7b8c9d1',
      enterpriseName: '余姚市明州光电科技有限公司',
      dropPoint: '厂区正门',
    },
  ],
  departureAt: '2026-03-03T23:00:00.000Z',
  travelDay: '2026-03-04',
  vehicle: { plate: '贵A3M521', seats: 45 },
  driver: { name: '王师傅' },
  occupancyCapPct: 50,
  capacity: 22,
  bookedCount: 5,
  seatsLeft: 17,
  waitlistCount: 0,
  boardedCount: 0,
  bookingOpen: true,
  cancelReason: null,
};

export const BOOKING: Booking = {
  id: '65f0a1b2c3d4e5f6a7b8c9e0',
  tripId: TRIP.id,
  workerId: '64b7f0c2a1b2c3d4e5f60718',
  travelDay: '2026-03-04',
  status: 'confirmed',
  pickupPoint: '南明区人社局门口',
  waitlistPosition: null,
  flag: null,
  seatNo: null,
  bookedBy: 'self',
  createdAt: '2026-03-02T01:00:00.000Z',
  cancelledAt: null,
  arrivedAt: null,
  trip: {
    originName: '贵阳市南明区',
    destinationNames: ['余姚市明州光电科技有限公司'],
    departureAt: TRIP.departureAt,
    plate: 'A',
    status: 'published',
  },
};

export const CHECKIN: Checkin = {
  id: 'c1',
  day: '2026-03-01',
  at: '2026-03-01T00:30:00.000Z',
  temperature: 36.4,
  symptoms: [],
  healthCode: 'green',
  places: ['520102'],
  arrivedFromOutsideProvince: false,
  arrivalDate: null,
};

/** A pass token that expires `ttlSec` after now. */
export function passToken(color: 'green' | 'red' = 'green', ttlSec = 90): PassToken {
  return {
    token: `FG1.64b7f0c2a1b2c3d4e5f60718.${Math.random().toString(36).slice(2)}.sig`,
    expiresAt: new Date(Date.now() + ttlSec * 1000).toISOString(),
    refreshInSec: 60,
    pass: {
      color,
      reasons:
        color === 'red' ? [{ code: 'FEVER', color: 'red', message: '体温 37.8 ℃，达到或超过 37.3 ℃' }] : [],
      validUntil: null,
      checkedInAt: null,
    },
  };
}

/** One 乘客名单 line: booked, not yet boarded, pass fine. */
export const MANIFEST_ROW: ManifestRow = {
  bookingId: 'b1',
  workerId: 'w1',
  name: '张建国',
  phoneMasked: '138****0001',
  idNumberMasked: null,
  status: 'confirmed',
  pickupPoint: '贵阳北站',
  seatNo: 1,
  boardingTemperature: null,
  boardedAt: null,
  flag: null,
};

/** A sliver of the GB/T 2260 tree (贵州省 → 贵阳市 → 南明区 → 两个街道, 毕节市) for the region cascader. */
const DIVISION_TREE: Record<string, { code: string; name: string }[]> = {
  '': [{ code: '52', name: '贵州省' }],
  '52': [
    { code: '5201', name: '贵阳市' },
    { code: '5205', name: '毕节市' },
  ],
  '5201': [{ code: '520102', name: '南明区' }],
  '520102': [
    { code: '520102001', name: '新华路街道' },
    { code: '520102002', name: '遵义路街道' },
  ],
  '5205': [{ code: '520502', name: '七星关区' }],
};
const LEVELS = { 2: 'province', 4: 'city', 6: 'county', 9: 'town' } as const;

/** A fake-api handler for GET /api/divisions?parent= over DIVISION_TREE. */
export function divisionsReply(call: { url: string }) {
  const parent = new URL(call.url, 'http://x').searchParams.get('parent') ?? '';
  const all = Object.values(DIVISION_TREE).flat();
  const path: string[] = [];
  for (let n = 2; n <= parent.length; n += 2)
    path.push(all.find((d) => d.code === parent.slice(0, n))?.name ?? '');
  const node = all.find((d) => d.code === parent);
  return {
    status: 200,
    body: {
      parent: node
        ? { ...node, level: LEVELS[parent.length as 2 | 4 | 6 | 9], hasChildren: true, path }
        : null,
      items: (DIVISION_TREE[parent] ?? []).map((d) => ({
        ...d,
        level: LEVELS[d.code.length as 2 | 4 | 6 | 9],
        hasChildren: d.code.length < 6 || d.code in DIVISION_TREE,
      })),
    },
  };
}
