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
  const wechat =
    deps.wechat ?? createWechatClient(config.WECHAT_API_BASE, config.WECHAT_APPID, config.WECHAT_SECRET);

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
    }),
  };

  // Issue 6: rollups first, so every module that writes dashboard figures gets their hooks.
  const rollups = buildRollups({ conn, clock, logger });

  const worker = buildWorkerJourney({
    conn,
    clock,
    pii,
    audit: repos.audit,
    enterprises: repos.enterprises,
    secret: config.JWT_SECRET,
    sender: deps.notificationSender ?? notificationSenderFor(config, logger),
    rollups: rollups.service,
  });

  const enterprise = buildEnterpriseFeature({
    conn,
    clock,
    pii,
    enterprises: repos.enterprises,
    trips: worker.services.trips,
    rollups: rollups.service,
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
      )
    : null;

  return { pii, tokens, repos, services, worker, enterprise, dashboard, freight, rateLimiter };
}

export type Container = ReturnType<typeof buildContainer>;

function defaultOtpSender(config: Config, logger: Logger): OtpSender {
  if (config.OTP_SENDER === 'webhook' && config.OTP_WEBHOOK_URL)
    return webhookOtpSender(config.OTP_WEBHOOK_URL);
  if (config.OTP_SENDER === 'memory') return new MemoryOtpSender();
  return consoleOtpSender(logger);
}
