import { maskIdNumber, maskPhone, type FreightPass } from '@fugong/contracts';
import type { PiiCipher } from '../../crypto/pii';
import type { FreightPassRecord } from './freight-pass.repository';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The driver as lists and scans show them: name, phone and ID number masked. */
export function maskedDriver(p: FreightPassRecord, pii: PiiCipher) {
  return {
    name: p.driver.name,
    phone: maskPhone(pii.decrypt(p.driver.phoneEnc)),
    idNumber: maskIdNumber(pii.decrypt(p.driver.idNumberEnc)),
  };
}

/** The contract shape of a pass; `overdue` is judged at `now` (a pending pass past its deadline). */
export function toFreightPassView(p: FreightPassRecord, pii: PiiCipher, now: Date): FreightPass {
  return {
    id: p.id,
    enterpriseId: p.enterpriseId,
    enterpriseName: p.enterpriseName,
    plate: p.plate,
    vehicleType: p.vehicleType,
    driver: maskedDriver(p, pii),
    cargo: p.cargo,
    cargoNote: p.cargoNote,
    route: p.route,
    validFrom: p.validFrom.toISOString(),
    validUntil: p.validUntil.toISOString(),
    approvalPath: p.approvalPath,
    status: p.status,
    commitment: { version: p.commitment.version, signedAt: p.commitment.signedAt.toISOString() },
    appliedAt: p.appliedAt.toISOString(),
    reviewDueAt: iso(p.reviewDueAt),
    overdue: p.status === 'pending' && !!p.reviewDueAt && now.getTime() > p.reviewDueAt.getTime(),
    decidedAt: iso(p.decidedAt),
    decisionNote: p.decisionNote,
    revokedAt: iso(p.revokedAt),
    revokeReason: p.revokeReason,
  };
}
