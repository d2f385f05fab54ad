/**
 * Part of the composition root (`container.ts` calls this once): the seeds' services to firms and
 * workers beyond reopening — 用工服务 (labour), 重点项目 (key projects), 产业链协同 (supply chain)
 * and 热线受理 (the hotline). People, trips and issues reach them only through the narrow
 * callbacks below; a need, a coordination request or a call becomes a dispatched issue with its
 * clocks through the issues module's service.
 */
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { IssueSlaPolicy } from '@fugong/domain';
import type { AuditRepository } from '../audit/audit.repository';
import type { Clock } from '../clock';
import type { PiiCipher } from '../crypto/pii';
import type { RecordEvents } from '../events';
import type { buildDivisions } from '../modules/divisions';
import type { EnterpriseRepository } from '../modules/enterprises';
import { buildHotline, listenForHotlineOutcomes } from '../modules/hotline';
import { buildKeyProjects, type NeedIssueDispatch } from '../modules/key-projects';
import { buildLabour } from '../modules/labour';
import type { SmsGateway } from '../modules/sms';
import { buildSupplyChain } from '../modules/supply-chain';
import type { UserRepository } from '../modules/auth';
import type { composeEnterpriseSide } from './enterprise-side';
import type { composeWorkerSide } from './worker-side';

export interface CityServiceDeps {
  conn: Connection;
  clock: Clock;
  pii: PiiCipher;
  logger: Logger;
  events: RecordEvents;
  audit: AuditRepository;
  enterprises: EnterpriseRepository;
  sms: SmsGateway;
  users: UserRepository;
  /** Deadlines of the dispatched issues' clocks. */
  sla: IssueSlaPolicy;
  divisions: ReturnType<typeof buildDivisions>;
  worker: ReturnType<typeof composeWorkerSide>;
  enterpriseSide: ReturnType<typeof composeEnterpriseSide>;
}

export function composeCityServices(d: CityServiceDeps) {
  const { conn, clock, users } = d;
  const { enterprises, stewards, issues } = d.enterpriseSide;
  // 用工服务: people (phone, pass colour) and trips reach it only through these narrow callbacks.
  const labour = buildLabour({
    conn,
    clock,
    pii: d.pii,
    audit: d.audit,
    enterprises: d.enterprises,
    people: {
      phoneOf: async (id) => {
        const enc = (await users.findById(id))?.phoneEnc;
        return enc ? d.pii.decrypt(enc) : null;
      },
      passColourOf: async (id) => (await d.worker.healthCheckins.services.passes.passFor(id)).color,
      rolesOf: async (id) => (await users.findById(id))?.roles ?? null,
      userIdByPhone: async (phone) => (await users.findByPhoneHash(d.pii.lookupHash(phone)))?.id ?? null,
    },
    tripsToFirm: async (actor, origin, enterpriseId) =>
      (
        await d.worker.trips.services.trips.search(actor, { origin, enterpriseId, page: 1, pageSize: 10 })
      ).items.map((t) => ({
        id: t.id,
        departureAt: t.departureAt,
        originText: t.originName,
        destinationText: t.destinations.find((d) => d.enterpriseId === enterpriseId)?.dropPoint ?? '',
        seatsLeft: t.seatsLeft,
      })),
    divisions: d.divisions.data,
    keyFirmsAmong: async (ids) =>
      new Set((await stewards.repos.assignments.liveForEnterprises(ids)).map((a) => a.enterpriseId)),
    notices: { enqueue: (messages) => d.worker.notifications.repos.outbox.addMany(messages, clock.now()) },
    logger: d.logger,
  });

  // 重点项目 and 产业链协同: a need or a coordination request becomes a dispatched issue, with its clocks.
  const issueDispatch: NeedIssueDispatch = {
    dispatch: async (actor, i) => {
      const draft = { category: i.category, urgency: i.urgency, description: i.description };
      return issues.services.issues.raiseDispatched(actor, i.enterpriseId, draft, i.departmentCode, i.note);
    },
  };
  const keyProjects = buildKeyProjects({
    conn,
    clock,
    enterprises: d.enterprises,
    staff: users,
    issues: issueDispatch,
    sla: d.sla,
  });
  const supplyChain = buildSupplyChain({
    conn,
    clock,
    pii: d.pii,
    audit: d.audit,
    enterprises: d.enterprises,
    reopening: d.enterpriseSide.reopening.repos.reopening,
    actsFor: (actor, id) => enterprises.services.scope.actsForEnterprise(actor, id),
    issues: issueDispatch,
  });

  // 热线受理: a call answered on the spot or raised as a dispatched issue; the caller is texted the answer.
  const hotline = buildHotline({
    conn,
    clock,
    pii: d.pii,
    audit: d.audit,
    enterprises: d.enterprises,
    sms: d.sms,
    issues: {
      raise: async (actor, i) => {
        const draft = { category: i.category, urgency: i.urgency, description: i.description };
        const issue = await issues.services.issues.raiseDispatched(
          actor,
          i.enterpriseId,
          draft,
          i.departmentCode,
          i.note,
          '热线来电受理',
        );
        return { id: issue.id, number: issue.number };
      },
    },
    issueOf: async (id) => {
      const issue = await issues.repos.issues.findById(id);
      return issue
        ? {
            state: issue.state,
            answer: issue.answer,
            answeredAt: issue.clocks.progress.metAt,
            resolutionDueAt: issue.clocks.resolution.dueAt,
          }
        : null;
    },
  });
  listenForHotlineOutcomes(d.events, hotline);
  return { labour, keyProjects, supplyChain, hotline };
}
