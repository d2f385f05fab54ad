/**
 * Part of the composition root (`container.ts` calls this once): what makes a record's change
 * reach a person. An issue's reminders and escalations (the sweep's marks) go to the officer, the
 * department head or the steward by inbox, WeChat or SMS and onto the issue's timeline; a
 * call-back's findings reach the command's supervisors; a decided 异议 reaches its liaison. Each
 * listens on the record events, so the writing modules never call it.
 */
import type { Connection } from 'mongoose';
import type { AuditRepository } from '../audit/audit.repository';
import type { Clock } from '../clock';
import type { PiiCipher } from '../crypto/pii';
import type { RecordEvents } from '../events';
import { buildAlerts, listenForIssueAlerts } from '../modules/alerts';
import { listenForCallbackFlags } from '../modules/callbacks';
import type { NoticeSink } from '../modules/inbox';
import type { SmsGateway } from '../modules/sms';
import { listenForObjectionDecisions } from '../modules/subsidies';
import type { UserRepository } from '../modules/auth';
import type { composeEnterpriseSide } from './enterprise-side';
import type { composeWorkerSide } from './worker-side';

export interface AlertDeps {
  conn: Connection;
  clock: Clock;
  pii: PiiCipher;
  events: RecordEvents;
  audit: AuditRepository;
  inbox: NoticeSink;
  sms: SmsGateway;
  users: UserRepository;
  /** The worker side's WeChat sender delivers subscribe messages. */
  worker: ReturnType<typeof composeWorkerSide>;
  /** Issues, stewards and the firms' staff say who is told. */
  enterpriseSide: ReturnType<typeof composeEnterpriseSide>;
}

export function composeAlerts(d: AlertDeps) {
  const { conn, clock, events, users } = d;
  const { enterprises, stewards, issues } = d.enterpriseSide;
  // Issue reminders and escalations reach people: the sweep's marks → inbox, WeChat or SMS, timeline.
  const alerts = buildAlerts({
    conn,
    clock,
    audit: d.audit,
    inbox: d.inbox,
    sms: d.sms,
    people: {
      officersOf: async (code) =>
        (await enterprises.repos.staff.listByRole('officer'))
          .filter((o) => o.departmentId === code)
          .map((o) => o.id),
      stewardOf: async (id) => (await stewards.repos.assignments.liveForEnterprise(id))?.stewardId ?? null,
    },
    staffOf: async (id) => (await enterprises.repos.staff.findByIds([id]))[0] ?? null,
    contactOf: async (id) => {
      const u = await users.findById(id);
      return { openid: u?.openid ?? null, phone: u?.phoneEnc ? d.pii.decrypt(u.phoneEnc) : null };
    },
    wechat: (a, openid) => d.worker.notifications.sender.send({ ...a, workerId: a.userId, openid }),
    timeline: (issueId, at, note) =>
      issues.repos.issues.appendEvent(issueId, {
        at,
        type: 'notified',
        actorId: null,
        actorRole: 'system',
        fromState: null,
        toState: null,
        departmentCode: null,
        note,
      }),
  });
  listenForIssueAlerts(events, alerts.services.alerts, (id) => issues.repos.issues.findById(id));
  // A call-back's findings (不作为、慢作为…) reach the command's supervisors in their inbox.
  listenForCallbackFlags(events, { staff: enterprises.repos.staff, inbox: d.inbox });
  // A decided 异议 reaches the liaison who filed it, with the outcome and what comes next.
  listenForObjectionDecisions(events, d.inbox);
  return alerts;
}
