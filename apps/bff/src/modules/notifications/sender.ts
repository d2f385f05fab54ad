import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { OutboxMessage } from './outbox.repository';

/** Delivers one message to a worker (WeChat subscribe message in production). */
export interface NotificationSender {
  send(message: OutboxMessage & { openid: string | null }): Promise<void>;
}

/** Keeps messages in memory; tests read them, and can make the next sends fail. */
export class MemoryNotificationSender implements NotificationSender {
  readonly sent: Array<OutboxMessage & { openid: string | null }> = [];
  failNext = 0;

  async send(message: OutboxMessage & { openid: string | null }): Promise<void> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('simulated delivery failure');
    }
    this.sent.push(message);
  }
}

/** Demo sender: writes the message to the log (no WeChat account needed). */
export function logNotificationSender(logger: Logger): NotificationSender {
  return {
    async send(m) {
      logger.info({ workerId: m.workerId, kind: m.kind, title: m.title }, 'notification.sent');
    },
  };
}

/**
 * WeChat subscribe messages (订阅消息) through `cgi-bin/message/subscribe/send`. The access
 * token is fetched with the app secret and cached until shortly before it expires. People
 * without an openid (signed in by phone on H5) cannot get one; they see the in-app inbox.
 */
export function wechatSubscribeSender(opts: {
  apiBase: string;
  appid: string;
  secret: string;
  templateId: string;
}): NotificationSender {
  let cached: { token: string; until: number } | null = null;
  const accessToken = async (): Promise<string> => {
    if (cached && Date.now() < cached.until) return cached.token;
    const url = `${opts.apiBase}/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(opts.appid)}&secret=${encodeURIComponent(opts.secret)}`;
    const body = (await (await fetch(url, { signal: AbortSignal.timeout(5000) })).json()) as {
      access_token?: string;
      expires_in?: number;
      errcode?: number;
    };
    if (!body.access_token) throw new Error(`wechat token errcode ${body.errcode ?? 'unknown'}`);
    cached = { token: body.access_token, until: Date.now() + ((body.expires_in ?? 7200) - 300) * 1000 };
    return cached.token;
  };
  return {
    async send(m) {
      if (!m.openid) return;
      const res = await fetch(
        `${opts.apiBase}/cgi-bin/message/subscribe/send?access_token=${await accessToken()}`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          signal: AbortSignal.timeout(5000),
          body: JSON.stringify({
            touser: m.openid,
            template_id: opts.templateId,
            page: m.page,
            data: { thing1: { value: m.title.slice(0, 20) }, thing2: { value: m.body.slice(0, 20) } },
          }),
        },
      );
      const body = (await res.json()) as { errcode?: number };
      // 43101: the user has not subscribed; retrying cannot help, so it counts as done.
      if (body.errcode && body.errcode !== 43101) throw new Error(`wechat subscribe errcode ${body.errcode}`);
    },
  };
}

/** The sender the configuration asks for (NOTIFY_SENDER; see the config schema). */
export function notificationSenderFor(config: Config, logger: Logger): NotificationSender {
  const kind =
    config.NOTIFY_SENDER === 'auto' ? (config.NODE_ENV === 'test' ? 'memory' : 'log') : config.NOTIFY_SENDER;
  if (kind === 'memory') return new MemoryNotificationSender();
  if (kind === 'log') return logNotificationSender(logger);
  return wechatSubscribeSender({
    apiBase: config.WECHAT_API_BASE,
    appid: config.WECHAT_APPID,
    secret: config.WECHAT_SECRET,
    templateId: config.WECHAT_SUBSCRIBE_TEMPLATE_ID!,
  });
}
