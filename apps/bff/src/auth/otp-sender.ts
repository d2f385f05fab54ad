import type { Logger } from 'pino';
import { maskPhone } from '@fugong/contracts';

/** Delivers a one-time code to a phone. The SMS gateway is an adapter so tests and demo need none. */
export interface OtpSender {
  send(phone: string, code: string): Promise<void>;
}

/**
 * Demo delivery: prints the code in the log with the phone masked, so a person trying the
 * product (or a browser test reading the log) can sign in. Refused in production by config.
 */
export function consoleOtpSender(logger: Logger): OtpSender {
  return {
    async send(phone, code) {
      logger.info({ phoneMasked: maskPhone(phone), code }, 'otp.sent');
    },
  };
}

/** Test delivery: keeps the last code per phone in memory for the test to read. */
export class MemoryOtpSender implements OtpSender {
  readonly sent = new Map<string, string>();
  async send(phone: string, code: string): Promise<void> {
    this.sent.set(phone, code);
  }
  last(phone: string): string | undefined {
    return this.sent.get(phone);
  }
}

/** Production delivery: POSTs `{phone, code}` to the operator's SMS gateway. */
export function webhookOtpSender(url: string): OtpSender {
  return {
    async send(phone, code) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ phone, code, template: 'fugong-login' }),
        signal: AbortSignal.timeout(5000),
      });
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    },
  };
}
