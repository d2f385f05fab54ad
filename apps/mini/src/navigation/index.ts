/** Page paths and the few navigation moves shared by services and pages. */
import Taro from '@tarojs/taro';

export const ROUTES = {
  home: '/pages/home/index',
  me: '/pages/me/index',
  login: '/pages/login/index',
  building: '/pages/building/index',
} as const;

/** Route of the page on top of the stack, without leading slash or query (Taro's format). */
function currentRoute(): string {
  const pages = Taro.getCurrentPages();
  const top = pages[pages.length - 1];
  return (top?.route ?? '').replace(/^\//, '').split('?')[0];
}

/** Sends the person to sign in, clearing the page stack; no-op when already on the login page. */
export function goToLogin(): void {
  if (currentRoute() === ROUTES.login.slice(1)) return;
  void Taro.reLaunch({ url: ROUTES.login });
}

/** After signing in: the home tab, with the login page gone from history. */
export function goHome(): void {
  void Taro.reLaunch({ url: ROUTES.home });
}

/** Opens a page on top of the current one, with query parameters encoded. */
export function openPage(path: string, query: Record<string, string> = {}): void {
  const search = Object.entries(query)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
  void Taro.navigateTo({ url: search ? `${path}?${search}` : path });
}
