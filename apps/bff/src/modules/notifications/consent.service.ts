import type { SubscribeConsent } from '@fugong/contracts';
import type { Actor } from '../../auth/actor';
import type { Clock } from '../../clock';
import { DomainError } from '../../errors';
import type { ConsentRepository } from './consent.repository';
import type { OpenidLookup } from './notification.service';

/**
 * Records what a person allowed in `wx.requestSubscribeMessage`. Only the app's configured
 * templates are recorded (anything else is a client bug or a forgery); only WeChat accounts
 * (with an openid) can subscribe.
 */
export class ConsentService {
  constructor(
    private readonly consents: ConsentRepository,
    private readonly openidOf: OpenidLookup,
    private readonly templateIds: readonly string[],
    private readonly clock: Clock,
  ) {}

  async record(actor: Actor, input: SubscribeConsent) {
    const entries = Object.entries(input.results);
    const unknown = entries.filter(([id]) => !this.templateIds.includes(id));
    if (this.templateIds.length === 0) throw new DomainError('BUSINESS_RULE', '暂未开通微信消息提醒');
    if (unknown.length)
      throw new DomainError(
        'VALIDATION_ERROR',
        '订阅的消息模板不存在',
        unknown.map(([id]) => ({
          path: `results.${id}`,
          message: '未知的消息模板',
          code: 'unknown_template',
        })),
      );
    const openid = await this.openidOf(actor.id);
    if (!openid) throw new DomainError('BUSINESS_RULE', '请在微信小程序内开启消息提醒');
    const now = this.clock.now();
    const templates = [];
    for (const [templateId, decision] of entries) {
      const remaining = await this.consents.record(openid, templateId, decision, now);
      templates.push({ templateId, decision, remaining });
    }
    return { templates };
  }
}
