import type { Logger } from 'pino';
import type { WechatDelivery } from '@fugong/contracts';
import type { Config } from '../../config';
import type { OutboxMessage } from './outbox.repository';
import type { ConsentRepository } from './consent.repository';
import { postWechat, WechatError, type SharedAccessToken } from '../wechat';

/** What a send did on the phone channel (see WECHAT_DELIVERY_STATES in contracts). */
export type ChannelState = Exclude<WechatDelivery, 'pending' | 'failed'>;

export type SendableMessage = OutboxMessage & { openid: string | null };

/** Delivers one message to a worker's phone (WeChat subscribe message in production). */
export interface NotificationSender {
  /** Resolves with what happened; rejects only for a failure worth retrying later. */
  send(message: SendableMessage): Promise<ChannelState>;
}

/** Keeps messages in memory; tests read them, and can make the next sends fail. */
export class MemoryNotificationSender implements NotificationSender {
  readonly sent: SendableMessage[] = [];
  failNext = 0;

  async send(message: SendableMessage): Promise<ChannelState> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('simulated delivery failure');
    }
    this.sent.push(message);
    return 'sent';
  }
}

/** Demo sender: writes the message to the log (no WeChat account needed). */
export function logNotificationSender(logger: Logger): NotificationSender {
  return {
    async send(m) {
      logger.info({ workerId: m.workerId, kind: m.kind, title: m.title }, 'notification.sent');
      return 'sent';
    },
  };
}

/** WeChat's limit on a `thing` field of a subscribe message. */
const THING_MAX = 20;

/**
 * WeChat subscribe messages (订阅消息) through `cgi-bin/message/subscribe/send`, sent only to
 * people who accepted the template in `wx.requestSubscribeMessage`: each acceptance allows one
 * message (一次性订阅), consumed here before the send. WeChat's own refusal for a person
 * without an acceptance (43101) is final for this message — it stays in the in-app inbox,
 * marked not delivered. An unreachable WeChat or any other errcode gives the acceptance back and
 * fails for a retry. The access token is the one shared by every BFF instance.
 */
export function wechatSubscribeSender(opts: {
  apiBase: string;
  templateId: string;
  accessToken: SharedAccessToken;
  consents: ConsentRepository;
}): NotificationSender {
  return {
    async send(m) {
      if (!m.openid) return 'no_openid';
      if (!(await opts.consents.consume(m.openid, opts.templateId))) return 'not_consented';
      try {
        await opts.accessToken.call((token) =>
          postWechat(
            opts.apiBase,
            '/cgi-bin/message/subscribe/send',
            { access_token: token },
            {
              touser: m.openid,
              template_id: opts.templateId,
              page: m.page,
              data: {
                thing1: { value: [...m.title].slice(0, THING_MAX).join('') },
                thing2: { value: [...m.body].slice(0, THING_MAX).join('') },
              },
            },
          ),
        );
        return 'sent';
      } catch (err) {
        if (err instanceof WechatError && err.errcode === 43101) return 'not_subscribed';
        await opts.consents.refund(m.openid, opts.templateId);
        throw err;
      }
    },
  };
}

/** The sender the configuration asks for (NOTIFY_SENDER; see the config schema). */
export function notificationSenderFor(
  config: Config,
  logger: Logger,
  wechat: { accessToken: SharedAccessToken; consents: ConsentRepository },
): NotificationSender {
  const kind =
    config.NOTIFY_SENDER === 'auto' ? (config.NODE_ENV === 'test' ? 'memory' : 'log') : config.NOTIFY_SENDER;
  if (kind === 'memory') return new MemoryNotificationSender();
  if (kind === 'log') return logNotificationSender(logger);
  return wechatSubscribeSender({
    apiBase: config.WECHAT_API_BASE,
    templateId: config.WECHAT_SUBSCRIBE_TEMPLATE_ID!,
    ...wechat,
  });
}
