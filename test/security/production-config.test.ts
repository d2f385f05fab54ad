import { loadConfig } from '../../apps/bff/src';
import { DEV_JWT_SECRET, DEV_PII_KEY } from '../../apps/bff/src/test-support';

const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_SECRET: 'p'.repeat(48),
  PII_KEY: Buffer.alloc(32, 3).toString('base64'),
  MONGODB_URI: 'mongodb://db1,db2,db3/fugong?replicaSet=rs0',
  WECHAT_SECRET: 'wechat-secret',
  OTP_SENDER: 'webhook',
  OTP_WEBHOOK_URL: 'https://sms.example.gov.cn/send',
  NOTIFY_SENDER: 'wechat',
  WECHAT_SUBSCRIBE_TEMPLATE_ID: 'tmpl-trip-change',
};

describe('production refuses unsafe configuration, one key at a time', () => {
  it('when everything is set, then production starts (so each refusal below is about its one key)', () => {
    expect(loadConfig(PRODUCTION).NODE_ENV).toBe('production');
  });

  it.each([
    ['JWT_SECRET', { JWT_SECRET: DEV_JWT_SECRET }],
    ['JWT_SECRET', { JWT_SECRET: 'short' }],
    ['PII_KEY', { PII_KEY: DEV_PII_KEY }],
    ['MONGODB_URI', { MONGODB_URI: undefined }],
    ['WECHAT_SECRET', { WECHAT_SECRET: undefined }],
    ['OTP_SENDER', { OTP_SENDER: 'console' }],
    ['OTP_WEBHOOK_URL', { OTP_WEBHOOK_URL: undefined }],
    ['DEMO_SEED', { DEMO_SEED: 'true' }],
    ['DEV_FAKE_WECHAT', { DEV_FAKE_WECHAT: 'true' }],
    ['NOTIFY_SENDER', { NOTIFY_SENDER: 'log' }],
    ['WECHAT_SUBSCRIBE_TEMPLATE_ID', { WECHAT_SUBSCRIBE_TEMPLATE_ID: undefined }],
  ])('when %s is unsafe (%j), then startup is refused naming it', (key, change) => {
    expect(() => loadConfig({ ...PRODUCTION, ...change })).toThrow(new RegExp(key));
  });
});
