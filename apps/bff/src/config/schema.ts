import { z } from 'zod';

/** Secrets shipped for development only; production refuses to start with them. */
export const DEV_JWT_SECRET = 'dev-only-jwt-secret-change-me-0123456789abcdef';
export const DEV_PII_KEY = Buffer.alloc(32, 7).toString('base64');

const csv = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );

const bool = z
  .enum(['true', 'false', '1', '0'])
  .default('false')
  .transform((v) => v === 'true' || v === '1');

/**
 * The BFF's whole configuration, read from the environment once at boot. Each key is
 * documented in README.md ("Configuration"). A bad value stops the process with the key's name.
 */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    MONGODB_URI: z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
      .optional(),
    EMBEDDED_DB_PATH: z.string().default('./data/db'),
    EMBEDDED_DB_IN_MEMORY: bool,
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEV_JWT_SECRET),
    ACCESS_TOKEN_TTL_SEC: z.coerce.number().int().min(60).max(86_400).default(900),
    REFRESH_TOKEN_TTL_SEC: z.coerce
      .number()
      .int()
      .min(3600)
      .max(90 * 86_400)
      .default(30 * 86_400),
    PII_KEY: z
      .string()
      .refine((s) => Buffer.from(s, 'base64').length === 32, 'must be 32 bytes, base64-encoded')
      .default(DEV_PII_KEY),
    WECHAT_APPID: z.string().default('touristappid'),
    WECHAT_SECRET: z.string().default(''),
    WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),
    /**
     * How notifications (trip changes, waitlist promotions) reach phones besides the in-app inbox:
     * `wechat` sends subscribe messages (订阅消息) with WECHAT_SUBSCRIBE_TEMPLATE_ID; `log` writes
     * them to the log (demo); `memory` keeps them for tests; `auto` = memory under NODE_ENV=test,
     * log otherwise.
     */
    NOTIFY_SENDER: z.enum(['auto', 'log', 'memory', 'wechat']).default('auto'),
    /** The subscribe-message template (two fields: thing1 title, thing2 text) set up in the WeChat console. */
    WECHAT_SUBSCRIBE_TEMPLATE_ID: z.string().min(1).optional(),
    OTP_SENDER: z.enum(['console', 'memory', 'webhook']).default('console'),
    OTP_WEBHOOK_URL: z.url().optional(),
    /** The SMS platform's send endpoint for reminders and hotline outcomes; unset = written to the log. */
    SMS_WEBHOOK_URL: z.url().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    CORS_ORIGINS: csv,
    BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(10 * 1024 * 1024)
      .default(100 * 1024),
    /**
     * How many reverse proxies stand between the client and this process (nginx alone = 1; a
     * cloud load balancer in front of nginx = 2). The client's address is read that many entries
     * from the right of X-Forwarded-For, the entries each trusted proxy appended; anything further
     * left came from the client and is ignored, or a forged header would pick its own rate-limit
     * bucket. 0 = no proxy: X-Forwarded-* are ignored and the socket's address counts.
     */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).optional(),
    /** Older switch, kept for existing deployments: `true` = one trusted hop (TRUST_PROXY_HOPS=1). */
    TRUST_PROXY: bool,
    /** Seeds the demo data set at boot (idempotent). Development only. */
    DEMO_SEED: bool,
    /** Runs a fake WeChat jscode2session on loopback and points WECHAT_API_BASE at it. Development only. */
    DEV_FAKE_WECHAT: bool,
    /**
     * Who builds the indexes: `create` = this process at boot (one office PC, tests); `check` =
     * `npm run db:indexes` did, before traffic, and this process refuses to start while one is
     * missing (a cluster with many instances); `auto` = check in production, create otherwise.
     */
    DB_INDEXES: z.enum(['auto', 'create', 'check']).default('auto'),
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
    /** Abuse limits (modules/rate-limits). 'auto' = on, except under NODE_ENV=test where API tests sign in hundreds of people from one address. */
    RATE_LIMIT: z.enum(['on', 'off', 'auto']).default('auto'),
    /**
     * 包车补贴 per boarded passenger, by origin (province code or 6-digit division), in yuan:
     * `52=200,430100=150`. The seeds leave the amount to the local government (属地政府可视情给予),
     * so unset means the charter policy computes nothing.
     */
    SUBSIDY_CHARTER_RATES: z
      .string()
      .regex(/^(\d{2}|\d{6})=\d{1,6}(,(\d{2}|\d{6})=\d{1,6})*$/, 'like 52=200,430100=150')
      .optional(),
    /** Bearer token a Prometheus scraper sends for GET /metrics; unset = no /metrics endpoint (404). */
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  })
  .superRefine((c, ctx) => {
    if (c.TRUST_PROXY && c.TRUST_PROXY_HOPS === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['TRUST_PROXY_HOPS'],
        message: 'is 0 while TRUST_PROXY=true; set only TRUST_PROXY_HOPS',
      });
    if (c.NOTIFY_SENDER === 'wechat' && !c.WECHAT_SUBSCRIBE_TEMPLATE_ID)
      ctx.addIssue({
        code: 'custom',
        path: ['WECHAT_SUBSCRIBE_TEMPLATE_ID'],
        message: 'required when NOTIFY_SENDER=wechat',
      });
    if (c.NODE_ENV !== 'production') return;
    // Production must never run on the secrets that ship in this repository.
    if (c.JWT_SECRET === DEV_JWT_SECRET)
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'must be set in production' });
    if (c.PII_KEY === DEV_PII_KEY)
      ctx.addIssue({ code: 'custom', path: ['PII_KEY'], message: 'must be set in production' });
    if (!c.MONGODB_URI)
      ctx.addIssue({ code: 'custom', path: ['MONGODB_URI'], message: 'must be set in production' });
    if (!c.WECHAT_SECRET)
      ctx.addIssue({ code: 'custom', path: ['WECHAT_SECRET'], message: 'must be set in production' });
    if (c.OTP_SENDER !== 'webhook')
      ctx.addIssue({
        code: 'custom',
        path: ['OTP_SENDER'],
        message: 'must be "webhook" in production (console/memory leak codes)',
      });
    if (c.DEMO_SEED)
      ctx.addIssue({ code: 'custom', path: ['DEMO_SEED'], message: 'must not be enabled in production' });
    if (c.DEV_FAKE_WECHAT)
      ctx.addIssue({
        code: 'custom',
        path: ['DEV_FAKE_WECHAT'],
        message: 'must not be enabled in production',
      });
    if (c.NOTIFY_SENDER !== 'wechat')
      ctx.addIssue({
        code: 'custom',
        path: ['NOTIFY_SENDER'],
        message: 'must be "wechat" in production (log/memory reach nobody)',
      });
    if (c.OTP_SENDER === 'webhook' && !c.OTP_WEBHOOK_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['OTP_WEBHOOK_URL'],
        message: 'required when OTP_SENDER=webhook',
      });
  });

export type Config = z.infer<typeof configSchema>;

/** Whether this process builds the indexes at boot (see DB_INDEXES) rather than only checking them. */
export function createsIndexesAtBoot(config: Pick<Config, 'DB_INDEXES' | 'NODE_ENV'>): boolean {
  if (config.DB_INDEXES === 'auto') return config.NODE_ENV !== 'production';
  return config.DB_INDEXES === 'create';
}

/** The number of proxy hops whose X-Forwarded-For entries are trusted (see TRUST_PROXY_HOPS). */
export function trustedProxyHops(config: Pick<Config, 'TRUST_PROXY' | 'TRUST_PROXY_HOPS'>): number {
  return config.TRUST_PROXY_HOPS ?? (config.TRUST_PROXY ? 1 : 0);
}
