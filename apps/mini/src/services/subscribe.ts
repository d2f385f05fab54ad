/** Subscribe-message consent: WeChat's dialog on the phone, its answer recorded at the BFF. */
import { wechatRoutes } from '@fugong/contracts';
import { askToSubscribe, subscribeTemplateIds } from '../platform';
import { callRoute } from './call-route';

/**
 * Asks whether the person wants news by WeChat message (booking confirmed, waitlist place,
 * an answer to their issue) and tells the BFF what they chose: the BFF sends only to people who
 * accepted, one message per acceptance. Call it first thing in the tap. Never throws: the in-app
 * inbox carries the news either way; a no-op on H5.
 */
export async function askForNews(): Promise<void> {
  const results = await askToSubscribe(subscribeTemplateIds());
  if (!results) return;
  await callRoute(wechatRoutes.subscribeConsent, { body: { results } }, { silent: true }).catch(
    () => undefined,
  );
}
