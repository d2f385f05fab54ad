import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { installDivisionCodeCheck, maskPhone } from '@fugong/contracts';
import { DEFAULT_ISSUE_SLA } from '@fugong/domain';
import type { Config } from './config';
import type { Clock } from './clock';
import { createPiiCipher, type PiiCipher } from './crypto/pii';
import { createTokenService, type TokenService } from './auth/tokens';
import type { OtpSender } from './auth/otp-sender';
import type { WechatClient } from './auth/wechat-client';
import { AuditRepository } from './audit/audit.repository';
import { RecordEvents } from './events';
import { createMetrics, watchDbPool, watchOutbox } from './metrics';
import type { JobLeases } from './jobs';
// The composition files: parts of this root, by domain.
import { composeAccounts } from './composition/accounts';
import { composeWorkerSide } from './composition/worker-side';
import { composeEnterpriseSide } from './composition/enterprise-side';
import { rollupReaders } from './composition/rollup-readers';
// Every other module, through its index.
import type { TokenFetcher } from './modules/wechat';
import { IdempotencyRepository, IdempotencyService } from './modules/system';
import { RATE_LIMITS, RateLimiter, RateLimitRepository, type RateLimitTable } from './modules/rate-limits';
import { buildAlerts, listenForIssueAlerts } from './modules/alerts';
import { listenForCallbackFlags } from './modules/callbacks';
import { buildAuditLog } from './modules/audit-log';
import { buildCalendar } from './modules/calendar';
import { buildDashboard } from './modules/dashboard';
import { buildDivisions } from './modules/divisions';
import { EnterpriseRepository } from './modules/enterprises';
import { buildExports } from './modules/exports';
import { buildFreightPasses } from './modules/freight-passes';
import { buildHotline, listenForHotlineOutcomes } from './modules/hotline';
import { buildInbox } from './modules/inbox';
import { buildKeyProjects, type NeedIssueDispatch } from './modules/key-projects';
import { buildLabour } from './modules/labour';
import { LeaseRepository } from './modules/leases';
import { ConsentRepository, notificationSenderFor, type NotificationSender } from './modules/notifications';
import { buildRollups, listenForRollups } from './modules/rollups';
import { smsGatewayFor, type SmsGateway } from './modules/sms';
import { buildSubsidies, listenForObjectionDecisions } from './modules/subsidies';
import { buildSupplyChain } from './modules/supply-chain';
import { SweepFailureRepository, SweepIsolation } from './modules/sweep-failures';

/** What createApp needs from outside; everything else is built here from it. */
export interface AppDeps {
  config: Config;
  connection: Connection;
  logger: Logger;
  clock: Clock;
  /** Defaults from config; tests inject a MemoryOtpSender to read codes. */
  otpSender?: OtpSender;
  wechat?: WechatClient;
  /** Delivers worker notifications; defaults to memory in tests and the log otherwise. */
  notificationSender?: NotificationSender;
  /** Fetches WeChat access tokens; defaults to `stable_token` at WECHAT_API_BASE. */
  wechatTokenFetcher?: TokenFetcher;
  /** The abuse-limit table; defaults to RATE_LIMITS. Tests pass a tight one. */
  rateLimits?: RateLimitTable;
  /** Texts to staff without WeChat and to hotline callers; memory in tests, SMS_WEBHOOK_URL or the log otherwise. */
  smsGateway?: SmsGateway;
}

/**
 * The composition root: builds every module once, from its index.ts, in dependency order — the
 * one place that knows how the pieces fit. Accounts, the worker side and the enterprise side are
 * composed in `composition/` (called only from here); every other module is one block below. A
 * new module adds its block here.
 */
export function buildContainer(deps: AppDeps) {
  const { config, connection: conn, logger, clock } = deps;
  const pii: PiiCipher = createPiiCipher(config.PII_KEY);
  const tokens: TokenService = createTokenService(config.JWT_SECRET, config.ACCESS_TOKEN_TTL_SEC);
  // Read by most modules: the audit log, idempotency keys and the enterprise registry.
  const repos = {
    audit: AuditRepository.on(conn),
    idempotency: IdempotencyRepository.on(conn),
    enterprises: EnterpriseRepository.on(conn),
  };

  // Accounts and sign-in (users, codes, refresh tokens, WeChat login and its shared access token).
  const accounts = composeAccounts({
    conn,
    config,
    logger,
    clock,
    pii,
    tokens,
    audit: repos.audit,
    otpSender: deps.otpSender,
    wechat: deps.wechat,
    wechatTokenFetcher: deps.wechatTokenFetcher,
  });
  const { accessToken } = accounts;
  const users = accounts.repos.users;
  const services = {
    idempotency: new IdempotencyService(repos.idempotency, clock),
    auth: accounts.auth,
  };
  // Subscribe consents: the WeChat sender and the notifications module share them.
  const consents = ConsentRepository.on(conn);

  const metrics = createMetrics();
  watchDbPool(metrics, conn);
  // One id per container (in production one per process): what the job leases call "me".
  const jobLeases: JobLeases = {
    repo: LeaseRepository.on(conn),
    holder: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
  };
  const isolation = new SweepIsolation(SweepFailureRepository.on(conn), logger, clock, (job, outcome) =>
    metrics.sweepRecords.inc({ job, outcome }),
  );

  // Every deadline counts working days in this one calendar (national data + local overrides).
  const calendar = buildCalendar(conn, clock);
  calendar.provider.warnIfUncovered(logger);

  // Writers announce "record changed" here; the rollups and the issue alerts listen.
  const events = new RecordEvents(logger);
  // The in-app inbox, before the modules that deliver into it: every outbox message lands there once.
  const inbox = buildInbox({ conn, clock });

  // The dashboard's rollups come first: they listen to the writing modules built below.
  const rollups = buildRollups({
    conn,
    clock,
    logger,
    readers: rollupReaders(conn, { enterprises: repos.enterprises, users }),
  });
  listenForRollups(events, rollups.service);

  // 行政区划: the read-only GB/T 2260 tree for the region cascader and the towns' risk levels.
  const divisions = buildDivisions();
  // Every region code a request carries is checked by the shared schemas against the same data
  // the cascader offers (an unknown code is a 400 at the edge, never stored).
  installDivisionCodeCheck((code) => divisions.data.knows(code));

  // The worker side (composition/worker-side.ts): profile, regions, notifications, check-ins and
  // passes, trips, bookings, boarding and the bookings sweep.
  const worker = composeWorkerSide({
    conn,
    clock,
    pii,
    events,
    isolation,
    audit: repos.audit,
    enterprises: repos.enterprises,
    divisionOf: (code) => divisions.data.find(code),
    secret: config.JWT_SECRET,
    sender: deps.notificationSender ?? notificationSenderFor(config, logger, { accessToken, consents }),
    consents,
    subscribeTemplateIds: config.WECHAT_SUBSCRIBE_TEMPLATE_ID ? [config.WECHAT_SUBSCRIBE_TEMPLATE_ID] : [],
    inboxCopy: ({ id, workerId, ...notice }) =>
      inbox.service.deliver({ key: `outbox:${id}`, userId: workerId, ...notice }),
  });
  watchOutbox(metrics, worker.notifications.repos.outbox, () => clock.now());

  // The enterprise side (composition/enterprise-side.ts): the registry and its scope, reopening,
  // issues, visits, call-backs, stewards and charter requests (which become the worker side's trips).
  const enterpriseSide = composeEnterpriseSide({
    conn,
    clock,
    pii,
    events,
    isolation,
    audit: repos.audit,
    enterprises: repos.enterprises,
    trips: worker.trips.services.trips,
    sla: { ...DEFAULT_ISSUE_SLA, calendar: calendar.provider.calendar },
  });
  const { enterprises, stewards, issues } = enterpriseSide;

  // 补贴 (subsidies): its notices go out through the worker side's outbox.
  const subsidies = buildSubsidies({
    conn,
    clock,
    enterprises: repos.enterprises,
    audit: repos.audit,
    events,
    personKey: pii.lookupHash,
    calendar: calendar.provider.calendar,
    charterRates: config.SUBSIDY_CHARTER_RATES,
    notices: {
      liaisonsOf: (ids) => users.liaisonsOf(ids),
      enqueue: (messages) => worker.notifications.repos.outbox.addMany(messages, clock.now()),
    },
  });
  // 指挥大屏: the summary reads the rollups; the export reads the summary, the registry and the reports.
  const dashboard = buildDashboard({ rollups, staff: enterprises.repos.staff, clock });
  const exports = buildExports({
    dashboard: dashboard.services.dashboard,
    sources: { registry: repos.enterprises, reports: enterpriseSide.reopening.repos.reopening },
    logger,
  });
  // 通行证网上办理 (freight passes): applications, review and the roadside check.
  const freight = buildFreightPasses({
    conn,
    clock,
    pii,
    audit: repos.audit,
    enterprises: repos.enterprises,
    users,
    secret: config.JWT_SECRET,
  });
  // Issue reminders and escalations reach people: the sweep's marks → inbox, WeChat or SMS, timeline.
  const sms = deps.smsGateway ?? smsGatewayFor(config, logger);
  const alerts = buildAlerts({
    conn,
    clock,
    audit: repos.audit,
    inbox: inbox.service,
    sms,
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
      return { openid: u?.openid ?? null, phone: u?.phoneEnc ? pii.decrypt(u.phoneEnc) : null };
    },
    wechat: (a, openid) => worker.notifications.sender.send({ ...a, workerId: a.userId, openid }),
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
  listenForCallbackFlags(events, { staff: enterprises.repos.staff, inbox: inbox.service });
  // A decided 异议 reaches the liaison who filed it, with the outcome and what comes next.
  listenForObjectionDecisions(events, inbox.service);
  // 用工服务: people (phone, pass colour) and trips reach it only through these narrow callbacks.
  const labour = buildLabour({
    conn,
    clock,
    pii,
    audit: repos.audit,
    enterprises: repos.enterprises,
    people: {
      phoneOf: async (id) => {
        const enc = (await users.findById(id))?.phoneEnc;
        return enc ? pii.decrypt(enc) : null;
      },
      passColourOf: async (id) => (await worker.healthCheckins.services.passes.passFor(id)).color,
      rolesOf: async (id) => (await users.findById(id))?.roles ?? null,
      userIdByPhone: async (phone) => (await users.findByPhoneHash(pii.lookupHash(phone)))?.id ?? null,
    },
    tripsToFirm: async (actor, origin, enterpriseId) =>
      (
        await worker.trips.services.trips.search(actor, { origin, enterpriseId, page: 1, pageSize: 10 })
      ).items.map((t) => ({
        id: t.id,
        departureAt: t.departureAt,
        originText: t.originName,
        destinationText: t.destinations.find((d) => d.enterpriseId === enterpriseId)?.dropPoint ?? '',
        seatsLeft: t.seatsLeft,
      })),
    regionName: (code) => divisions.data.find(code)?.name ?? null,
    keyFirmsAmong: async (ids) =>
      new Set((await stewards.repos.assignments.liveForEnterprises(ids)).map((a) => a.enterpriseId)),
    notices: { enqueue: (messages) => worker.notifications.repos.outbox.addMany(messages, clock.now()) },
    logger,
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
    enterprises: repos.enterprises,
    staff: users,
    issues: issueDispatch,
    sla: { ...DEFAULT_ISSUE_SLA, calendar: calendar.provider.calendar },
  });
  const supplyChain = buildSupplyChain({
    conn,
    clock,
    pii,
    audit: repos.audit,
    enterprises: repos.enterprises,
    reopening: enterpriseSide.reopening.repos.reopening,
    actsFor: (actor, id) => enterprises.services.scope.actsForEnterprise(actor, id),
    issues: issueDispatch,
  });

  // 热线受理: a call answered on the spot or raised as a dispatched issue; the caller is texted the answer.
  const hotline = buildHotline({
    conn,
    clock,
    pii,
    audit: repos.audit,
    enterprises: repos.enterprises,
    sms,
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
  listenForHotlineOutcomes(events, hotline);
  // 审计日志: the command reads the log; actors are shown by name and masked phone, read here.
  const auditLog = buildAuditLog({
    audit: repos.audit,
    clock,
    actors: async (ids) => {
      const found = await Promise.all(ids.map((id) => users.findById(id)));
      return new Map(
        found.flatMap((u) =>
          u
            ? [[u.id, { name: u.name, phoneMasked: u.phoneEnc ? maskPhone(pii.decrypt(u.phoneEnc)) : null }]]
            : [],
        ),
      );
    },
  });

  const rateLimitsOn =
    config.RATE_LIMIT === 'on' || (config.RATE_LIMIT === 'auto' && config.NODE_ENV !== 'test');
  const rateLimiter = rateLimitsOn
    ? new RateLimiter(
        RateLimitRepository.on(conn),
        deps.rateLimits ?? RATE_LIMITS,
        clock,
        pii.lookupHash,
        metrics,
      )
    : null;

  return {
    pii,
    tokens,
    repos: { ...repos, ...accounts.repos },
    services,
    ...worker,
    ...enterpriseSide,
    rollups,
    dashboard,
    exports,
    rateLimiter,
    metrics,
    jobLeases,
    sweepIsolation: isolation,
    wechat: { accessToken, consents },
    calendar,
    subsidies,
    freight,
    events,
    inbox,
    sms,
    alerts,
    labour,
    keyProjects,
    supplyChain,
    hotline,
    divisions,
    auditLog,
  };
}

export type Container = ReturnType<typeof buildContainer>;
