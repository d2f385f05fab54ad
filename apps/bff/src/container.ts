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
// The composition files: parts of this root, by domain.
import { composeAccounts } from './composition/accounts';
import { composeWorkerSide } from './composition/worker-side';
import { composeEnterpriseSide } from './composition/enterprise-side';
import { rollupReaders } from './composition/rollup-readers';
import { composeAlerts } from './composition/alerts';
import { composeCityServices } from './composition/city-services';
// Every other module, through its index.
import type { TokenFetcher } from './modules/wechat';
import { IdempotencyRepository, IdempotencyService } from './modules/system';
import { RATE_LIMITS, RateLimiter, RateLimitRepository, type RateLimitTable } from './modules/rate-limits';
import { buildAuditLog } from './modules/audit-log';
import { buildCalendar } from './modules/calendar';
import { buildDashboard } from './modules/dashboard';
import { buildDivisions } from './modules/divisions';
import { EnterpriseRepository } from './modules/enterprises';
import { buildExports } from './modules/exports';
import { buildFreightPasses } from './modules/freight-passes';
import { buildInbox } from './modules/inbox';
import { LeaseRepository, type JobLeases } from './modules/leases';
import { ConsentRepository, notificationSenderFor, type NotificationSender } from './modules/notifications';
import { buildRollups, listenForRollups } from './modules/rollups';
import { smsGatewayFor, type SmsGateway } from './modules/sms';
import { buildSubsidies } from './modules/subsidies';
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
 * one place that knows how the pieces fit. Accounts, the worker side, the enterprise side, the
 * alerts and the seeds' city services are composed in `composition/` (called only from here);
 * every other module is one block below. A new module adds its block here or to the
 * composition file of its domain.
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
  const { enterprises } = enterpriseSide;

  // 补贴 (subsidies): its notices go out through the worker side's outbox.
  const subsidies = buildSubsidies({
    conn,
    clock,
    enterprises: repos.enterprises,
    audit: repos.audit,
    events,
    personKey: pii.lookupHash,
    divisions: divisions.data,
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
  const sms = deps.smsGateway ?? smsGatewayFor(config, logger);
  // Issue reminders and escalations, call-back flags and 异议 decisions reach people (composition/alerts.ts).
  const alerts = composeAlerts({
    conn,
    clock,
    pii,
    events,
    audit: repos.audit,
    inbox: inbox.service,
    sms,
    users,
    worker,
    enterpriseSide,
  });
  // The seeds' services to firms (composition/city-services.ts): 用工服务, 重点项目, 产业链协同 and 热线受理.
  const { labour, keyProjects, supplyChain, hotline } = composeCityServices({
    conn,
    clock,
    pii,
    logger,
    events,
    sms,
    users,
    worker,
    enterpriseSide,
    divisions,
    audit: repos.audit,
    enterprises: repos.enterprises,
    sla: { ...DEFAULT_ISSUE_SLA, calendar: calendar.provider.calendar },
  });

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
