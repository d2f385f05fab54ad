/**
 * A worker's profile (name, ID number, home region, employer): the builder, the routes, and the
 * people repository other modules read a passenger's name and openid from. Publishes no events.
 */
import type { Connection } from 'mongoose';
import type { AuditRepository } from '../../audit/audit.repository';
import type { Clock } from '../../clock';
import type { PiiCipher } from '../../crypto/pii';
import type { RouteDef } from '../../http/route';
import { ProfileRepository } from './profile.repository';
import { ProfileService, type EnterpriseLookup } from './profile.service';
import { profileRoutes as profileRoutesFor } from './profile.routes';
import { RoleGrantImportRepository } from './role-grant-import.repository';
import { RoleGrantImportService } from './role-grant-import.service';

export type { PersonRecord, ProfileRepository } from './profile.repository';
export type { EnterpriseLookup, ProfileService } from './profile.service';

export interface ProfileDeps {
  conn: Connection;
  enterprises: EnterpriseLookup;
  pii: PiiCipher;
  audit: AuditRepository;
  clock: Clock;
}

/** Builds the module once (the container calls this). */
export function buildProfile(d: ProfileDeps) {
  const repos = {
    people: ProfileRepository.on(d.conn),
    roleGrantImports: RoleGrantImportRepository.on(d.conn),
  };
  const profiles = new ProfileService(repos.people, d.enterprises, d.pii, d.audit, d.clock);
  const roleGrantImports = new RoleGrantImportService({
    people: repos.people,
    imports: repos.roleGrantImports,
    enterprises: d.enterprises,
    pii: d.pii,
    audit: d.audit,
    clock: d.clock,
  });
  return { repos, services: { profiles, roleGrantImports } };
}

export type Profile = ReturnType<typeof buildProfile>;

export function profileRoutes(p: Profile): RouteDef[] {
  return profileRoutesFor(p.services.profiles, p.services.roleGrantImports);
}
