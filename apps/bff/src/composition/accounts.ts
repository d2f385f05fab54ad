/**
 * Part of the composition root (`container.ts` calls this once): people's accounts and how they
 * sign in — users, one-time codes, refresh tokens, account merges, and WeChat login through the
 * one access token every instance shares. Other modules read people through `repos.users`.
 */
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { AuditRepository } from '../audit/audit.repository';
import { consoleOtpSender, MemoryOtpSender, webhookOtpSender, type OtpSender } from '../auth/otp-sender';
import type { TokenService } from '../auth/tokens';
import { createWechatClient, type WechatClient } from '../auth/wechat-client';
import type { Clock } from '../clock';
import type { Config } from '../config';
import type { PiiCipher } from '../crypto/pii';
import {
  AccountMergeRepository,
  AuthService,
  OtpRepository,
  RefreshTokenRepository,
  UserRepository,
} from '../modules/auth';
import {
  AccessTokenRepository,
  SharedAccessToken,
  stableTokenFetcher,
  type TokenFetcher,
} from '../modules/wechat';

export interface AccountDeps {
  conn: Connection;
  config: Config;
  logger: Logger;
  clock: Clock;
  pii: PiiCipher;
  tokens: TokenService;
  audit: AuditRepository;
  /** Defaults from config; tests inject a MemoryOtpSender to read codes. */
  otpSender?: OtpSender;
  wechat?: WechatClient;
  /** Fetches WeChat access tokens; defaults to `stable_token` at WECHAT_API_BASE. */
  wechatTokenFetcher?: TokenFetcher;
}

export function composeAccounts(d: AccountDeps) {
  const { conn, config, clock } = d;
  // One access token for every instance on this database (see SharedAccessToken).
  const accessToken = new SharedAccessToken(
    AccessTokenRepository.on(conn),
    config.WECHAT_APPID,
    d.wechatTokenFetcher ??
      stableTokenFetcher(config.WECHAT_API_BASE, config.WECHAT_APPID, config.WECHAT_SECRET),
    clock,
  );
  const wechat =
    d.wechat ??
    createWechatClient({
      base: config.WECHAT_API_BASE,
      appid: config.WECHAT_APPID,
      secret: config.WECHAT_SECRET,
      accessToken,
    });
  const repos = {
    users: UserRepository.on(conn),
    otps: OtpRepository.on(conn),
    refreshTokens: RefreshTokenRepository.on(conn),
  };
  const auth = new AuthService({
    users: repos.users,
    otps: repos.otps,
    refreshTokens: repos.refreshTokens,
    tokens: d.tokens,
    otpSender: d.otpSender ?? defaultOtpSender(config, d.logger),
    wechat,
    pii: d.pii,
    clock,
    refreshTtlSec: config.REFRESH_TOKEN_TTL_SEC,
    merges: new AccountMergeRepository(conn),
    audit: d.audit,
  });
  return { repos, auth, accessToken };
}

function defaultOtpSender(config: Config, logger: Logger): OtpSender {
  if (config.OTP_SENDER === 'webhook' && config.OTP_WEBHOOK_URL)
    return webhookOtpSender(config.OTP_WEBHOOK_URL);
  if (config.OTP_SENDER === 'memory') return new MemoryOtpSender();
  return consoleOtpSender(logger);
}
