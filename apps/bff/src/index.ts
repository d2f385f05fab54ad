/** @fugong/bff — what cross-app tests and scripts may use. */
export { createApp } from './app';
export type { AppDeps, Container } from './container';
export { loadConfig, ConfigError, type Config } from './config';
export { createLogger } from './logger';
export { connectDatabase, syncIndexes } from './db/connect';
export { systemClock, ManualClock, type Clock } from './clock';
export { MemoryOtpSender } from './auth/otp-sender';
export { FAKE_WECHAT_APP, startFakeWechat, type FakeWechat } from './dev/fake-wechat-server';
export { startServer, type RunningServer } from './server';
