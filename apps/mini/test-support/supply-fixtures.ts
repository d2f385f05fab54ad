import type { Supplier, SupplyMatch, SupplyPost } from '@fugong/contracts';

/** The signed-in liaison's firm and a firm on the other side. */
export const OWN_FIRM = '64b7f0c2a1b2c3d4e5f60c01';
export const OTHER_FIRM = '64b7f0c2a1b2c3d4e5f60c02';
export const OWN_POST = '64b7f0c2a1b2c3d4e5f60d01';
export const OTHER_POST = '64b7f0c2a1b2c3d4e5f60d02';

/** A demand of the liaison's firm as GET /api/supply-posts returns it (own: contact masked). */
export function supplyPost(over: Partial<SupplyPost> = {}): SupplyPost {
  return {
    id: OWN_POST,
    enterpriseId: OWN_FIRM,
    enterpriseName: '余姚舜宇光学',
    industry: '光学仪器',
    side: 'demand',
    category: 'raw_materials',
    title: '聚丙烯颗粒',
    quantity: 20,
    unit: '吨',
    regionCode: '330281',
    availableFrom: '2026-03-01',
    availableUntil: '2026-03-31',
    status: 'open',
    createdAt: '2026-03-01T02:00:00.000Z',
    contact: { name: '王经理', phone: '138****0002' },
    distanceKm: null,
    ...over,
  };
}

/** A supply of another firm as a candidate list shows it: a distance, never a contact. */
export function candidate(over: Partial<SupplyPost> = {}): SupplyPost {
  return supplyPost({
    id: OTHER_POST,
    enterpriseId: OTHER_FIRM,
    enterpriseName: '慈溪塑化材料厂',
    side: 'supply',
    title: 'PP 聚丙烯',
    quantity: 50,
    availableFrom: '2026-03-05',
    availableUntil: '2026-03-14',
    contact: null,
    distanceKm: 23.46,
    ...over,
  });
}

/** A match between the two, proposed by `proposedBy`. */
export function supplyMatch(over: Partial<SupplyMatch> = {}): SupplyMatch {
  return {
    id: '64b7f0c2a1b2c3d4e5f60e01',
    category: 'raw_materials',
    supply: candidate({ distanceKm: null }),
    demand: supplyPost({ contact: null }),
    status: 'proposed',
    proposedBy: 'demand',
    proposedAt: '2026-03-02T02:00:00.000Z',
    confirmedAt: null,
    distanceKm: 23.46,
    endedReason: null,
    ...over,
  };
}

/** A key supplier of the lead firm. */
export function supplier(over: Partial<Supplier> = {}): Supplier {
  return {
    id: '64b7f0c2a1b2c3d4e5f60f01',
    leadEnterpriseId: OWN_FIRM,
    name: '东莞精密模具厂',
    regionCode: '441900',
    enterpriseId: null,
    supplies: '注塑模具',
    reopened: false,
    statusSource: 'lead_firm',
    chainRisk: true,
    coordinationIssueId: null,
    ...over,
  };
}
