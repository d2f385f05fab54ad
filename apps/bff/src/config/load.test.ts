import { loadConfig, ConfigError, createsIndexesAtBoot, trustedProxyHops } from './index';

describe('loadConfig', () => {
  it('when nothing is set, then development defaults give a runnable config', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.NODE_ENV).toBe('development');
    expect(c.MONGODB_URI).toBeUndefined();
  });

  it('when PORT is not a number, then startup is refused naming PORT', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('when production runs on the shipped secrets, then each missing secret is named', () => {
    let err: unknown;
    try {
      loadConfig({ NODE_ENV: 'production' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const text = (err as ConfigError).message;
    for (const key of ['JWT_SECRET', 'PII_KEY', 'MONGODB_URI', 'WECHAT_SECRET', 'OTP_SENDER'])
      expect(text).toContain(key);
  });

  it('when production is fully configured, then it starts', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      PII_KEY: Buffer.alloc(32, 9).toString('base64'),
      MONGODB_URI: 'mongodb://db1,db2,db3/fugong?replicaSet=rs0',
      WECHAT_SECRET: 'secret',
      OTP_SENDER: 'webhook',
      OTP_WEBHOOK_URL: 'https://sms.example.gov.cn/send',
      NOTIFY_SENDER: 'wechat',
      WECHAT_SUBSCRIBE_TEMPLATE_ID: 'tmpl-1',
    });
    expect(c.NODE_ENV).toBe('production');
  });

  it('when the PII key is not 32 bytes, then startup is refused naming PII_KEY', () => {
    expect(() => loadConfig({ PII_KEY: 'c2hvcnQ=' })).toThrow(/PII_KEY/);
  });

  it('when CORS_ORIGINS is a comma list, then it becomes a trimmed array', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.gov.cn, https://b.gov.cn' }).CORS_ORIGINS).toEqual([
      'https://a.gov.cn',
      'https://b.gov.cn',
    ]);
  });
});

describe('who builds the indexes', () => {
  it('when DB_INDEXES is left at auto, then production only checks them and development builds them', () => {
    expect(createsIndexesAtBoot(loadConfig({}))).toBe(true);
    expect(createsIndexesAtBoot({ DB_INDEXES: 'auto', NODE_ENV: 'production' })).toBe(false);
  });

  it('when DB_INDEXES is set, then it wins over NODE_ENV', () => {
    expect(createsIndexesAtBoot(loadConfig({ DB_INDEXES: 'check' }))).toBe(false);
    expect(createsIndexesAtBoot({ DB_INDEXES: 'create', NODE_ENV: 'production' })).toBe(true);
    expect(() => loadConfig({ DB_INDEXES: 'sometimes' })).toThrow(/DB_INDEXES/);
  });
});

describe('trusted proxy hops', () => {
  it('when nothing is set, then no proxy is trusted; TRUST_PROXY=true means one hop; TRUST_PROXY_HOPS wins', () => {
    expect(trustedProxyHops(loadConfig({}))).toBe(0);
    expect(trustedProxyHops(loadConfig({ TRUST_PROXY: 'true' }))).toBe(1);
    expect(trustedProxyHops(loadConfig({ TRUST_PROXY_HOPS: '2' }))).toBe(2);
    expect(trustedProxyHops(loadConfig({ TRUST_PROXY: 'true', TRUST_PROXY_HOPS: '2' }))).toBe(2);
  });
});
