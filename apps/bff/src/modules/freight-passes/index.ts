/**
 * 通行证网上办理 (freight passes): what the rest of the BFF may use of this module — its builder,
 * its routes and its demo section. Nothing else reaches into the folder.
 */
import type { Connection } from 'mongoose';
import { DEFAULT_ISSUE_SLA, type WorkCalendar } from '@fugong/domain';
import type { AuditRepository } from '../../audit/audit.repository';
import type { Clock } from '../../clock';
import type { PiiCipher } from '../../crypto/pii';
import type { RouteDef } from '../../http/route';
import { createPassTokenSigner } from '../health-checkins';
import { FreightPassRepository } from './freight-pass.repository';
import { FreightCheckRepository } from './freight-check.repository';
import { FreightFiguresRepository } from './freight-figures.repository';
import { FreightPassService, type FreightEnterpriseLookup } from './freight-pass.service';
import { FreightCheckService } from './freight-check.service';
import { freightRoutesFor } from './freight.routes';

export interface FreightPassDeps {
  conn: Connection;
  clock: Clock;
  pii: PiiCipher;
  audit: AuditRepository;
  enterprises: FreightEnterpriseLookup;
  /** The stored (encrypted) phone of a user: a driver finds their passes by it. */
  users: { findById(id: string): Promise<{ phoneEnc: string | null } | null> };
  /** The JWT secret; the QR key is derived from it under its own HKDF label. */
  secret: string;
  /** Working days for the review deadline; the issue SLA's calendar by default. */
  calendar?: WorkCalendar;
}

/** Freight QR tokens: `FP1.<passId>.<expiry>.<mac>`, a key of their own (never a health pass). */
const FREIGHT_TOKEN = { prefix: 'FP1', label: 'fugong-freight-pass-token' };

/** Builds the module once (the container calls this). */
export function buildFreightPasses(d: FreightPassDeps) {
  const figures = FreightFiguresRepository.on(d.conn);
  const repos = {
    figures,
    passes: FreightPassRepository.on(d.conn, figures),
    checks: FreightCheckRepository.on(d.conn, figures),
  };
  const services = {
    passes: new FreightPassService({
      passes: repos.passes,
      enterprises: d.enterprises,
      pii: d.pii,
      audit: d.audit,
      clock: d.clock,
      calendar: d.calendar ?? DEFAULT_ISSUE_SLA.calendar,
    }),
    checks: new FreightCheckService({
      passes: repos.passes,
      checks: repos.checks,
      figures: repos.figures,
      signer: createPassTokenSigner(d.secret, FREIGHT_TOKEN),
      pii: d.pii,
      phoneEncOf: async (id) => (await d.users.findById(id))?.phoneEnc ?? null,
      clock: d.clock,
    }),
  };
  return { repos, services };
}

export type FreightPasses = ReturnType<typeof buildFreightPasses>;

/** Every freight pass route. */
export function freightPassRoutes(f: FreightPasses): RouteDef[] {
  return freightRoutesFor(f.services.passes, f.services.checks);
}
