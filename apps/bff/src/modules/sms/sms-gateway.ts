import type { Logger } from 'pino';
import { maskPhone } from '@fugong/contracts';

/** One text message to a mainland mobile number (短信网关). */
export interface SmsMessage {
  phone: string;
  text: string;
  /** Why it is sent (`issue_reminder`, `hotline_outcome`…): the gateway's template and our logs. */
  kind: string;
}

/** Sends text messages; rejects only for a failure worth retrying later. */
export interface SmsGateway {
  send(message: SmsMessage): Promise<void>;
}

/** Keeps messages in memory; tests read them and can make the next sends fail. */
export class MemorySmsGateway implements SmsGateway {
  readonly sent: SmsMessage[] = [];
  failNext = 0;

  async send(message: SmsMessage): Promise<void> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('simulated SMS gateway failure');
    }
    this.sent.push(message);
  }
}

/**
 * Demo gateway: writes the kind and a masked number to the log (never the full phone or text).
 * The key is `phoneMasked`, as the one-time codes' lines have it: the logger redacts any `phone`.
 */
export function logSmsGateway(logger: Logger): SmsGateway {
  return {
    async send(m) {
      logger.info({ kind: m.kind, phoneMasked: maskPhone(m.phone) }, 'sms.sent');
    },
  };
}

/**
 * A gateway behind an HTTP endpoint (the operator's SMS platform, or a loopback fake in
 * integration runs): POSTs `{phone, text, kind}` as JSON, 2xx means accepted.
 */
export function webhookSmsGateway(url: string, fetchImpl: typeof fetch = fetch): SmsGateway {
  return {
    async send(m) {
      const res = await fetchImpl(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(m),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    },
  };
}
