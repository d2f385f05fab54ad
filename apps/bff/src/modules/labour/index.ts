/**
 * 用工服务 (labour services): the vacancy database, job seekers, 先寻岗、再定岗、后到岗 and 用工调剂. What the
 * rest of the BFF may use of this module — its builder and its routes. Nothing else reaches in.
 */
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { AuditRepository } from '../../audit/audit.repository';
import type { Clock } from '../../clock';
import type { PiiCipher } from '../../crypto/pii';
import type { RouteDef } from '../../http/route';
import type { DivisionLookup } from '../divisions';
import { AgencyRepository } from './agency.repository';
import { AgencyService, type LabourRoles } from './agency.service';
import { DigestRepository } from './digest.repository';
import { LabourDigestService, type DigestNotices } from './digest.service';
import { ApplicationRepository } from './application.repository';
import { ApplicationService, type TripsToFirm } from './application.service';
import { LabourFiguresRepository } from './figures.repository';
import { LabourFiguresService } from './figures.service';
import { LabourAccess } from './labour-access';
import { labourRoutesFor } from './labour.routes';
import { sharingRoutesFor } from './sharing.routes';
import { SeekerRepository } from './seeker.repository';
import { SharingRepository } from './sharing.repository';
import { SharingService } from './sharing.service';
import { SeekerService, type LabourPeople } from './seeker.service';
import { VacancyRepository } from './vacancy.repository';
import { VacancyService, type LabourEnterpriseLookup } from './vacancy.service';

export type { TripsToFirm, LabourPeople, LabourEnterpriseLookup, LabourRoles, DigestNotices };

/** The periodic job that sends each seeker's daily digest of new vacancies (jobs.ts). */
export const LABOUR_DIGEST = 'labour.digest';

export interface LabourDeps {
  conn: Connection;
  clock: Clock;
  pii: PiiCipher;
  audit: AuditRepository;
  enterprises: LabourEnterpriseLookup;
  /** A person's phone, current pass colour and roles (auth and health modules, via the container). */
  people: LabourPeople & LabourRoles;
  /** Published trips from a home region to a firm (the trips module, via the container). */
  tripsToFirm: TripsToFirm;
  /** The division data (the divisions module, via the container): counties' names, and which codes are counties. */
  divisions: DivisionLookup;
  /** Which of these firms have a 复工管家 stationed (重点企业; the stewards module, via the container). */
  keyFirmsAmong: (enterpriseIds: string[]) => Promise<Set<string>>;
  /** Where the daily digests go out: the notifications outbox (inbox + subscribe message). */
  notices: DigestNotices;
  /** Where a download that fails mid-stream is reported. */
  logger?: Logger | null;
}

/** Builds the module once (the container calls this). */
export function buildLabour(d: LabourDeps) {
  const repos = {
    vacancies: VacancyRepository.on(d.conn),
    seekers: SeekerRepository.on(d.conn),
    applications: ApplicationRepository.on(d.conn),
    agencies: AgencyRepository.on(d.conn),
    figures: LabourFiguresRepository.on(d.conn),
    sharing: SharingRepository.on(d.conn),
    digests: DigestRepository.on(d.conn),
  };
  const access = new LabourAccess(repos.agencies, d.divisions);
  const services = {
    vacancies: new VacancyService({
      vacancies: repos.vacancies,
      access,
      enterprises: d.enterprises,
      clock: d.clock,
    }),
    seekers: new SeekerService({ ...repos, access, people: d.people, pii: d.pii, clock: d.clock }),
    applications: new ApplicationService({
      ...repos,
      access,
      people: d.people,
      pii: d.pii,
      audit: d.audit,
      clock: d.clock,
      tripsToFirm: d.tripsToFirm,
    }),
    figures: new LabourFiguresService({
      figures: repos.figures,
      enterprises: d.enterprises,
      regionName: (code) => d.divisions.find(code)?.name ?? null,
      keyFirmsAmong: d.keyFirmsAmong,
      audit: d.audit,
      clock: d.clock,
      logger: d.logger ?? null,
    }),
    sharing: new SharingService({
      sharing: repos.sharing,
      access,
      enterprises: d.enterprises,
      people: d.people,
      pii: d.pii,
      clock: d.clock,
    }),
    digest: new LabourDigestService({
      digests: repos.digests,
      vacancies: repos.vacancies,
      seekers: repos.seekers,
      notices: d.notices,
      clock: d.clock,
    }),
    agencies: new AgencyService({
      agencies: repos.agencies,
      enterprises: d.enterprises,
      people: d.people,
      audit: d.audit,
      clock: d.clock,
    }),
  };
  return { repos, services };
}

export type Labour = ReturnType<typeof buildLabour>;

/** Every labour route. */
export function labourRoutes(l: Labour): RouteDef[] {
  const s = l.services;
  return [
    ...sharingRoutesFor(s.sharing),
    ...labourRoutesFor(s.vacancies, s.seekers, s.applications, s.figures, s.agencies),
  ];
}
