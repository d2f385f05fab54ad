/** The SMS gateway adapter (reminders to staff without WeChat, the hotline's outcome texts). */
import type { Logger } from 'pino';
import { logSmsGateway, MemorySmsGateway, webhookSmsGateway, type SmsGateway } from './sms-gateway';

export { MemorySmsGateway, logSmsGateway, webhookSmsGateway } from './sms-gateway';
export type { SmsGateway, SmsMessage } from './sms-gateway';

/**
 * The gateway for this environment: memory under test, a webhook when SMS_WEBHOOK_URL is set,
 * the log otherwise (a demo never texts anyone).
 */
export function smsGatewayFor(
  env: { NODE_ENV: string; SMS_WEBHOOK_URL?: string },
  logger: Logger,
): SmsGateway {
  if (env.NODE_ENV === 'test') return new MemorySmsGateway();
  if (env.SMS_WEBHOOK_URL) return webhookSmsGateway(env.SMS_WEBHOOK_URL);
  return logSmsGateway(logger);
}
