import type { FreightPass, FreightToken } from '@fugong/contracts';

/** A pass as the BFF answers it (driver already masked). */
export function freightPass(over: Partial<FreightPass> = {}): FreightPass {
  return {
    id: '65f0a1b2c3d4e5f6a7b8c9d0',
    enterpriseId: '65f0a1b2c3d4e5f6a7b8c9d1',
    enterpriseName: '余姚市明州光电科技有限公司',
    plate: '浙B12345D',
    vehicleType: 'heavy_truck',
    driver: { name: '王师傅', phone: '139****5678', idNumber: '330281********0017' },
    cargo: 'epidemic_supplies',
    cargoNote: '',
    route: {
      originRegionCode: '330281',
      originText: '余姚市阳明街道',
      destinationRegionCode: '310115',
      destinationText: '上海市浦东新区',
    },
    validFrom: '2026-03-02T01:00:00.000Z',
    validUntil: '2026-03-09T01:00:00.000Z',
    approvalPath: 'commitment',
    status: 'approved',
    commitment: { version: '2020-02-v1', signedAt: '2026-03-02T01:00:00.000Z' },
    appliedAt: '2026-03-02T01:00:00.000Z',
    reviewDueAt: null,
    overdue: false,
    decidedAt: '2026-03-02T01:00:00.000Z',
    decisionNote: '',
    revokedAt: null,
    revokeReason: '',
    ...over,
  };
}

let n = 0;
/** A QR answer living `lifeSec` from now. */
export function freightToken(lifeSec = 90): FreightToken {
  n += 1;
  return {
    token: `FP1.${n}`,
    qrDataUrl: `data:image/png;base64,QR${n}`,
    expiresAt: new Date(Date.now() + lifeSec * 1000).toISOString(),
    refreshInSec: 60,
    pass: freightPass(),
  };
}
