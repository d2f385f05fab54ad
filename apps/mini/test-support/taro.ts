/**
 * Test double for `@tarojs/taro` (mapped in jest.project.js): the real runtime needs a
 * mini-program host. Keeps storage in memory, records navigation and toasts, and lets each test
 * answer `Taro.request` like a server would (see fake-api.ts).
 */
import { useEffect } from 'react';

type Listener = () => void;

interface PageRecord {
  route: string;
}

const storage = new Map<string, unknown>();
let pages: PageRecord[] = [];
let routerParams: Record<string, string> = {};
const showListeners = new Set<Listener>();
const bottomListeners = new Set<Listener>();

function routeOf(url: string): string {
  return url.replace(/^\//, '').split('?')[0];
}

const Taro = {
  request: jest.fn(),
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => {
    storage.set(key, value);
  }),
  removeStorageSync: jest.fn((key: string) => {
    storage.delete(key);
  }),
  showToast: jest.fn(async () => ({ errMsg: 'showToast:ok' })),
  showModal: jest.fn(async () => ({ confirm: true, cancel: false, errMsg: 'showModal:ok' })),
  setNavigationBarTitle: jest.fn(async () => ({ errMsg: 'setNavigationBarTitle:ok' })),
  previewImage: jest.fn(async () => ({ errMsg: 'previewImage:ok' })),
  login: jest.fn(async () => ({ code: 'wx-login-code', errMsg: 'login:ok' })),
  reLaunch: jest.fn(async ({ url }: { url: string }) => {
    pages = [{ route: routeOf(url) }];
    return { errMsg: 'reLaunch:ok' };
  }),
  switchTab: jest.fn(async ({ url }: { url: string }) => {
    pages = [{ route: routeOf(url) }];
    return { errMsg: 'switchTab:ok' };
  }),
  navigateTo: jest.fn(async ({ url }: { url: string }) => {
    pages.push({ route: routeOf(url) });
    return { errMsg: 'navigateTo:ok' };
  }),
  redirectTo: jest.fn(async ({ url }: { url: string }) => {
    pages[pages.length - 1] = { route: routeOf(url) };
    return { errMsg: 'redirectTo:ok' };
  }),
  getCurrentPages: jest.fn(() => pages),
};

export default Taro;

/**
 * Whether a page's first show reaches `useDidShow` on mount. On H5 a page in a subpackage can get
 * its first show before React has registered the hook: {@link missFirstShow} models that.
 */
let showOnMount = true;

/** Runs `callback` when the page shows: on mount here (unless missed), and again on {@link fireDidShow}. */
export function useDidShow(callback: () => void): void {
  useEffect(() => {
    if (showOnMount) callback();
    showListeners.add(callback);
    return () => {
      showListeners.delete(callback);
    };
  }, [callback]);
}

/** Runs `callback` when the person scrolls the page to its bottom ({@link fireReachBottom}). */
export function useReachBottom(callback: () => void): void {
  useEffect(() => {
    bottomListeners.add(callback);
    return () => {
      bottomListeners.delete(callback);
    };
  }, [callback]);
}

/** Simulates the person scrolling to the bottom of the page. */
export function fireReachBottom(): void {
  bottomListeners.forEach((listener) => listener());
}

/** The current page's route parameters, as set by {@link setRouterParams}. */
export function useRouter(): { params: Record<string, string>; path: string } {
  return { params: routerParams, path: '' };
}

/** The next pages mount after their first show went by, as a lazily loaded H5 page can. */
export function missFirstShow(): void {
  showOnMount = false;
}

/** Simulates the person coming back to an already-open page (tab switch, navigateBack). */
export function fireDidShow(): void {
  showListeners.forEach((listener) => listener());
}

/** Route params the next `useRouter()` returns. */
export function setRouterParams(params: Record<string, string>): void {
  routerParams = params;
}

/** Pretends the app is showing `route` (e.g. 'pages/home/index'). */
export function setCurrentPage(route: string): void {
  pages = [{ route }];
}

/** Clears storage, page stack and router params between tests (mock calls are cleared by jest). */
export function resetTaroDouble(): void {
  storage.clear();
  pages = [];
  routerParams = {};
  showListeners.clear();
  bottomListeners.clear();
  showOnMount = true;
}
