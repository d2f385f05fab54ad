/**
 * WeChat's privacy check (`__usePrivacyCheck__` in app.json): the first time a page uses the
 * camera (scan a boarding code), the album (an issue photo) or the phone number, WeChat holds
 * the call and asks the app to explain. The explanation is the `PrivacyPrompt` component on that
 * page; WeChat only accepts "agree" from a tap on an `open-type="agreePrivacyAuthorization"`
 * button, whose id goes back in `resolve({ buttonId, event: 'agree' })`.
 */
import Taro from '@tarojs/taro';

type Resolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void;
type Listener = (open: boolean) => void;

/** The id of the agree button in PrivacyPrompt; WeChat checks that this very button was tapped. */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree';

let pending: Resolve | null = null;
const listeners = new Set<Listener>();

function notify(open: boolean): void {
  for (const listener of listeners) listener(open);
}

/** Registers the WeChat listener; call once at launch. No-op outside WeChat or on old base libraries. */
export function listenForPrivacyAuthorization(): void {
  if (process.env.TARO_ENV !== 'weapp' || typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
  Taro.onNeedPrivacyAuthorization((resolve) => {
    if (listeners.size === 0) {
      // No prompt on this page: explain, and decline so the held call fails with its own message
      // instead of hanging; the person can agree on a page that shows the prompt.
      void Taro.showModal({
        title: '隐私保护提示',
        content: '使用相机、相册或手机号前需要您同意《复工通隐私保护指引》，请在对应页面的提示中选择同意。',
        showCancel: false,
        confirmText: '知道了',
      }).finally(() => resolve({ event: 'disagree' }));
      return;
    }
    pending = resolve;
    resolve({ event: 'exposureAuthorization' });
    notify(true);
  });
}

/** A prompt mounts: it is told when WeChat needs consent. Returns the unsubscribe. */
export function subscribePrivacyPrompt(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The person tapped the agree button (`open-type="agreePrivacyAuthorization"`). */
export function agreePrivacy(buttonId: string = PRIVACY_AGREE_BUTTON_ID): void {
  pending?.({ buttonId, event: 'agree' });
  pending = null;
  notify(false);
}

/** The person declined: the held call fails with "privacy permission is not authorized". */
export function declinePrivacy(): void {
  pending?.({ event: 'disagree' });
  pending = null;
  notify(false);
}

/** Opens the privacy guide (隐私保护指引) configured in the WeChat console. */
export function openPrivacyContract(): void {
  if (typeof Taro.openPrivacyContract === 'function') void Taro.openPrivacyContract({});
}
