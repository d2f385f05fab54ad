/** Page paths and the few navigation moves shared by services and pages. */
import Taro from '@tarojs/taro';
import { PAGE_ROUTES, type PageName, type PageRoutes } from '@fugong/contracts';

/**
 * Every page of the app by name, as Taro opens it (leading slash). Derived from the page
 * registry in contracts (PAGE_PACKAGES), which app.config.ts lists too: a page is added there.
 */
export const PAGES = Object.fromEntries(
  Object.entries(PAGE_ROUTES).map(([name, route]) => [name, `/${route}`]),
) as { readonly [K in PageName]: `/${PageRoutes[K]}` };

export type PagePath = (typeof PAGES)[keyof typeof PAGES];

/** Route of the page on top of the stack, without leading slash or query (Taro's format). */
function currentRoute(): string {
  const pages = Taro.getCurrentPages();
  const top = pages[pages.length - 1];
  return (top?.route ?? '').replace(/^\//, '').split('?')[0];
}

/** Sends the person to sign in, clearing the page stack; no-op when already on the login page. */
export function goToLogin(): void {
  if (currentRoute() === PAGES.login.slice(1)) return;
  void Taro.reLaunch({ url: PAGES.login });
}

/** After signing in: the home tab, with the login page gone from history. */
export function goHome(): void {
  void Taro.reLaunch({ url: PAGES.home });
}

/**
 * Opens a deep link the server wrote (a SHARED_PAGES path with its query, no leading slash), as
 * a notice carries it. A tab page cannot be pushed, so it is switched to instead.
 */
export function openLink(link: string): void {
  const url = link.startsWith('/') ? link : `/${link}`;
  const path = url.split('?')[0];
  if (path === PAGES.home || path === PAGES.me) void Taro.switchTab({ url: path });
  else void Taro.navigateTo({ url });
}

/** Opens a page on top of the current one, with query parameters encoded. */
export function openPage(path: string, query: Record<string, string> = {}): void {
  const search = Object.entries(query)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
  void Taro.navigateTo({ url: search ? `${path}?${search}` : path });
}
