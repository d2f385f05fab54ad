import type { SupplyMatch, SupplyPost } from '@fugong/contracts';
import type { MatchRecord, PostRecord } from './supply.repository';

/**
 * A post as the API shows it. `contact` is given only for the firm's own post (masked even there:
 * the full phone is an audited read); `distance` only on candidate lists.
 */
export function postView(
  p: PostRecord,
  contact: { name: string; phone: string } | null,
  distance: number | null,
): SupplyPost {
  return {
    id: p.id,
    enterpriseId: p.enterpriseId,
    enterpriseName: p.enterpriseName,
    industry: p.industry ?? null,
    side: p.side,
    category: p.category,
    title: p.title,
    quantity: p.quantity,
    unit: p.unit,
    regionCode: p.regionCode,
    availableFrom: p.availableFrom,
    availableUntil: p.availableUntil,
    status: p.status,
    createdAt: p.createdAt.toISOString(),
    contact,
    distanceKm: distance,
  };
}

/** A match with both posts, neither with its contact (that is the audited contact read). */
export function matchView(m: MatchRecord, s: PostRecord, d: PostRecord): SupplyMatch {
  return {
    id: m.id,
    category: m.category,
    supply: postView(s, null, null),
    demand: postView(d, null, null),
    status: m.status,
    proposedBy: m.proposedBy,
    proposedAt: m.proposedAt.toISOString(),
    confirmedAt: m.confirmedAt ? m.confirmedAt.toISOString() : null,
    distanceKm: m.distanceKm,
    endedReason: m.endedReason ?? null,
  };
}
