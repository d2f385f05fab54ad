import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { Config } from './config';
import type { Clock } from './clock';
import { createPiiCipher, type PiiCipher } from './crypto/pii';
import { createTokenService, type TokenService } from './auth/tokens';
import { consoleOtpSender, webhookOtpSender, MemoryOtpSender, type OtpSender } from './auth/otp-sender';
import { createWechatClient, type WechatClient } from './auth/wechat-client';
import { auditModel } from './audit/audit.model';
import { AuditRepository } from './audit/audit.repository';
import { idempotencyModel } from './modules/system/idempotency.model';
import { IdempotencyRepository } from './modules/system/idempotency.repository';
import { IdempotencyService } from './modules/system/idempotency.service';
import { userModel } from './modules/auth/user.model';
import { UserRepository } from './modules/auth/user.repository';
import { otpModel } from './modules/auth/otp.model';
import { OtpRepository } from './modules/auth/otp.repository';
import { refreshTokenModel } from './modules/auth/refresh-token.model';
import { RefreshTokenRepository } from './modules/auth/refresh-token.repository';
import { AuthService } from './modules/auth/auth.service';
import { enterpriseModel } from './modules/enterprises/enterprise.model';
import { EnterpriseRepository } from './modules/enterprises/enterprise.repository';
import { buildEnterpriseFeature } from './modules/enterprises/enterprise-feature';
import { buildWorkerJourney } from './modules/bookings/worker-journey';
import { notificationSenderFor, type NotificationSender } from './modules/notifications/sender';
import { rateLimitModel } from './modules/rate-limits/rate-limit.model';
import { RateLimitRepository } from './modules/rate-limits/rate-limit.repository';
import { RATE_LIMITS, RateLimiter, type RateLimitTable } from './modules/rate-limits/rate-limits';
import { buildDashboardFeature, buildRollups } from './modules/dashboard/dashboard-feature';
import { leaseModel, LeaseRepository } from './modules/leases';
import { sweepFailureModel, SweepFailureRepository, SweepIsolation } from './modules/sweep-failures';
import { createMetrics, watchDbPool, watchOutbox } from './metrics';
import type { JobLeases } from './jobs';
import { accessTokenModel } from './modules/wechat/access-token.model';
import { AccessTokenRepository } from './modules/wechat/access-token.repository';
import {
  SharedAccessToken,
  stableTokenFetcher,
  type TokenFetcher,
} from './modules/wechat/access-token.service';
import { consentModel } from './modules/notifications/consent.model';
import { ConsentRepository } from './modules/notifications/consent.repository';
import { AccountMergeRepository } from './modules/auth/account-merge.repository';
import { buildCalendar } from './modules/calendar';
import { buildSubsidies } from './modules/subsidies';
import { DEFAULT_ISSUE_SLA } from '@fugong/domain';
import { buildFreightPasses } from './modules/freight-passes';

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
}

/**
 * Builds every repository and service once, explicitly, in dependency order — the one place
 * that knows how the pieces fit. Feature modules add their lines here.
 */
export function buildContainer(deps: AppDeps) {
  const { config, connection: conn, logger, clock } = deps;
  const pii: PiiCipher = createPiiCipher(config.PII_KEY);
  const tokens: TokenService = createTokenService(config.JWT_SECRET, config.ACCESS_TOKEN_TTL_SEC);
  const otpSender = deps.otpSender ?? defaultOtpSender(config, logger);
  // One access token for every instance on this database (see SharedAccessToken).
  const accessToken = new SharedAccessToken(
    new AccessTokenRepository(accessTokenModel(conn)),
    config.WECHAT_APPID,
    deps.wechatTokenFetcher ??
      stableTokenFetcher(config.WECHAT_API_BASE, config.WECHAT_APPID, config.WECHAT_SECRET),
    clock,
  );
  const consents = new ConsentRepository(consentModel(conn));
  const wechat =
    deps.wechat ??
    createWechatClient({
      base: config.WECHAT_API_BASE,
      appid: config.WECHAT_APPID,
      secret: config.WECHAT_SECRET,
      accessToken,
    });

  const metrics = createMetrics();
  watchDbPool(metrics, conn);
  // One id per container (in production one per process): what the job leases call "me".
  const jobLeases: JobLeases = {
    repo: new LeaseRepository(leaseModel(conn)),
    holder: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
  };
  const isolation = new SweepIsolation(
    new SweepFailureRepository(sweepFailureModel(conn)),
    logger,
    clock,
    (job, outcome) => metrics.sweepRecords.inc({ job, outcome }),
  );

  const repos = {
    audit: new AuditRepository(auditModel(conn)),
    idempotency: new IdempotencyRepository(idempotencyModel(conn)),
    users: new UserRepository(userModel(conn)),
    otps: new OtpRepository(otpModel(conn)),
    refreshTokens: new RefreshTokenRepository(refreshTokenModel(conn)),
    enterprises: new EnterpriseRepository(enterpriseModel(conn)),
  };

  const services = {
    idempotency: new IdempotencyService(repos.idempotency, clock),
    auth: new AuthService({
      users: repos.users,
      otps: repos.otps,
      refreshTokens: repos.refreshTokens,
      tokens,
      otpSender,
      wechat,
      pii,
      clock,
      refreshTtlSec: config.REFRESH_TOKEN_TTL_SEC,
      merges: new AccountMergeRepository(conn),
      audit: repos.audit,
    }),
  };

  // Every deadline counts working days in this one calendar (national data + local overrides).
  const calendar = buildCalendar(conn, clock);
  calendar.provider.warnIfUncovered(logger);

  // Rollups first, so every module that writes dashboard figures gets their hooks.
  const rollups = buildRollups({ conn, clock, logger });

  const worker = buildWorkerJourney({
    conn,
    clock,
    pii,
    audit: repos.audit,
    enterprises: repos.enterprises,
    secret: config.JWT_SECRET,
    sender: deps.notificationSender ?? notificationSenderFor(config, logger, { accessToken, consents }),
    consents,
    subscribeTemplateIds: config.WECHAT_SUBSCRIBE_TEMPLATE_ID ? [config.WECHAT_SUBSCRIBE_TEMPLATE_ID] : [],
    rollups: rollups.service,
    isolation,
  });
  watchOutbox(metrics, worker.repos.outbox, () => clock.now());

  const enterprise = buildEnterpriseFeature({
    conn,
    clock,
    pii,
    enterprises: repos.enterprises,
    audit: repos.audit,
    trips: worker.services.trips,
    rollups: rollups.service,
    isolation,
    sla: { ...DEFAULT_ISSUE_SLA, calendar: calendar.provider.calendar },
  });
  const subsidies = buildSubsidies({
    conn,
    clock,
    enterprises: repos.enterprises,
    audit: repos.audit,
    personKey: pii.lookupHash,
    calendar: calendar.provider.calendar,
    charterRates: config.SUBSIDY_CHARTER_RATES,
    notices: {
      liaisonsOf: (ids) => repos.users.liaisonsOf(ids),
      enqueue: (messages) => worker.repos.outbox.addMany(messages, clock.now()),
    },
  });
  const dashboard = buildDashboardFeature({ rollups, staff: enterprise.repos.staff, clock, logger });
  const freight = buildFreightPasses({
    conn,
    clock,
    pii,
    audit: repos.audit,
    enterprises: repos.enterprises,
    users: repos.users,
    secret: config.JWT_SECRET,
  });

  const rateLimitsOn =
    config.RATE_LIMIT === 'on' || (config.RATE_LIMIT === 'auto' && config.NODE_ENV !== 'test');
  const rateLimiter = rateLimitsOn
    ? new RateLimiter(
        new RateLimitRepository(rateLimitModel(conn)),
        deps.rateLimits ?? RATE_LIMITS,
        clock,
        pii.lookupHash,
        metrics,
      )
    : null;

  return {
    pii,
    tokens,
    repos,
    services,
    worker,
    enterprise,
    dashboard,
    rateLimiter,
    metrics,
    jobLeases,
    sweepIsolation: isolation,
    wechat: { accessToken, consents },
    calendar,
    subsidies,
    freight,
  };
}

export type Container = ReturnType<typeof buildContainer>;

function defaultOtpSender(config: Config, logger: Logger): OtpSender {
  if (config.OTP_SENDER === 'webhook' && config.OTP_WEBHOOK_URL)
    return webhookOtpSender(config.OTP_WEBHOOK_URL);
  if (config.OTP_SENDER === 'memory') return new MemoryOtpSender();
  return consoleOtpSender(logger);
}
