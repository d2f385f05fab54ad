/**
 * Large text on each platform. H5: every size in the build is a rem of the root font size, which
 * index.html's script sets from the screen width × the browser's own font setting × 长辈模式
 * (the `fg-elder` class on <html>, 1.3×); toggling the class and re-running that script resizes
 * the whole page at once, and app.css uses the same class for higher contrast. WeChat: the
 * person's 字体大小 setting (fontSizeSetting) turns 长辈模式 on by default.
 */
import Taro from '@tarojs/taro';

const isWeapp = process.env.TARO_ENV === 'weapp';

/** Storage key of the person's own choice; index.html reads it too, before the first paint. */
export const ELDER_MODE_KEY = 'fugong.elder.v1';

/** WeChat's standard text size is 16–17 px; anything from 20 up is a person who asked for large text. */
const LARGE_WECHAT_FONT_PX = 20;

/** True when the phone's own setting asks for large text (weapp only; H5 follows it through rem). */
export function phoneWantsLargeText(): boolean {
  if (!isWeapp) return false;
  try {
    const { fontSizeSetting } = Taro.getSystemInfoSync() as { fontSizeSetting?: number };
    return typeof fontSizeSetting === 'number' && fontSizeSetting >= LARGE_WECHAT_FONT_PX;
  } catch {
    return false;
  }
}

/** Shows the page in 长辈模式 (or back to normal) at once. */
export function applyElderMode(on: boolean): void {
  if (isWeapp) return;
  const root = (globalThis as { document?: Document }).document?.documentElement;
  if (!root) return;
  root.classList.toggle('fg-elder', on);
  const resize = (globalThis as { fgApplyRootSize?: () => void }).fgApplyRootSize;
  if (resize) resize();
}
