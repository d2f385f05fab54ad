/**
 * The `wx` object of the host: the APIs the app (through Taro) calls, each behaving as the base
 * library documents it — callbacks `success`/`fail`/`complete`, called asynchronously; `wx.request`
 * is real HTTP. An API that is not here is absent (Taro only wraps the keys `wx` has), so the app
 * calling one fails loudly instead of silently doing nothing.
 */
import type { MiniHost } from './mini-host';

/** What the person would answer or the phone would return. */
export interface WxScript {
  /** wx.login's code; the fake WeChat server maps each code to a stable openid. */
  loginCode: () => string;
  /** wx.scanCode's result: the text of the QR code in front of the camera. */
  scanResult: () => string;
  /** wx.showModal: does the person tap the confirm button? */
  confirmModal: (modal: { title?: string; content?: string }) => boolean;
  /**
   * The person's answer in WeChat's own phone-number dialog after tapping an
   * `open-type="getPhoneNumber"` button: the one-time code WeChat hands the app for 允许 (the
   * test takes it from the fake WeChat server, which alone can redeem it), null for 拒绝.
   */
  phoneNumberCode: () => string | null;
  /** Where the phone is (wx.getLocation, WGS-84). */
  location: () => { latitude: number; longitude: number };
  /** The place the person taps on WeChat's map (wx.chooseLocation, GCJ-02); null: 取消. */
  pickedPlace: () => { name: string; address: string; latitude: number; longitude: number } | null;
}

type Callbacks = {
  success?: (res: unknown) => void;
  fail?: (res: unknown) => void;
  complete?: (res: unknown) => void;
};

const WINDOW = {
  pixelRatio: 2,
  screenWidth: 375,
  screenHeight: 812,
  windowWidth: 375,
  windowHeight: 724,
  statusBarHeight: 44,
  safeArea: { left: 0, right: 375, top: 44, bottom: 778, width: 375, height: 734 },
  screenTop: 0,
};
const DEVICE = { brand: 'devtools', model: 'iPhone X', system: 'iOS 16.0', platform: 'devtools' };
const APP_BASE = {
  SDKVersion: '3.4.0',
  version: '8.0.40',
  language: 'zh_CN',
  theme: 'light',
  enableDebug: false,
};

/** Builds the `wx` object for one host. */
export function createWx(host: MiniHost, script: Partial<WxScript>): Record<string, unknown> {
  let loginCount = 0;
  /**
   * The location APIs as WeChat gates them: refused outright unless app.json declares them in
   * `requiredPrivateInfos` (required since 2022-07-14), then held for privacy consent.
   */
  const locationApi = (api: string, opts: Callbacks, result: () => Record<string, unknown> | null) => {
    if (!(host.appJson.requiredPrivateInfos ?? []).includes(api))
      return answer(
        opts,
        {
          errMsg: `${api}:fail the api need to be declared in the requiredPrivateInfos field in app.json/ext.json`,
        },
        false,
      );
    void host.requirePrivacy(api).then((allowed) => {
      if (!allowed)
        return answer(opts, { errMsg: `${api}:fail privacy permission is not authorized` }, false);
      const res = result();
      if (!res) return answer(opts, { errMsg: `${api}:fail cancel` }, false);
      answer(opts, { errMsg: `${api}:ok`, ...res });
    });
  };
  const answer = (cb: Callbacks, res: Record<string, unknown>, ok = true) => {
    // The base library answers on a later turn, never inside the call.
    host.later(() => {
      if (ok) cb.success?.(res);
      else cb.fail?.(res);
      cb.complete?.(res);
    });
  };
  const ok =
    (name: string, res: Record<string, unknown> = {}) =>
    (cb: Callbacks = {}) =>
      answer(cb, { errMsg: `${name}:ok`, ...res });
  const noop = () => undefined;

  const storageGet = (key: string) => (host.storage.has(key) ? host.storage.get(key) : '');

  const request = (
    opts: Callbacks & {
      url: string;
      method?: string;
      data?: unknown;
      header?: Record<string, string>;
      timeout?: number;
      dataType?: string;
    },
  ) => {
    const controller = new AbortController();
    const method = (opts.method ?? 'GET').toUpperCase();
    let url = host.mapUrl(opts.url);
    const headers: Record<string, string> = { ...(opts.header ?? {}) };
    let body: string | undefined;
    if (opts.data !== undefined && opts.data !== null) {
      if (method === 'GET' && typeof opts.data === 'object') {
        const qs = Object.entries(opts.data as Record<string, unknown>)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
          .join('&');
        if (qs) url += (url.includes('?') ? '&' : '?') + qs;
      } else if (method !== 'GET') {
        body = typeof opts.data === 'string' ? opts.data : JSON.stringify(opts.data);
        if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
          headers['content-type'] = 'application/json';
      }
    }
    const timer = setTimeout(() => controller.abort(), opts.timeout ?? 60_000);
    void host.track(
      (async () => {
        try {
          const res = await fetch(url, { method, headers, body, signal: controller.signal });
          const text = await res.text();
          let data: unknown = text;
          if ((opts.dataType ?? 'json') === 'json') {
            try {
              data = JSON.parse(text);
            } catch {
              data = text;
            }
          }
          host.requests.push({ method, url, status: res.status, data });
          answer(opts, {
            errMsg: 'request:ok',
            statusCode: res.status,
            data,
            header: Object.fromEntries(res.headers.entries()),
          });
        } catch (error) {
          const aborted = controller.signal.aborted;
          answer(opts, { errMsg: `request:fail ${aborted ? 'timeout' : String(error)}` }, false);
        } finally {
          clearTimeout(timer);
        }
      })(),
    );
    return {
      abort: () => controller.abort(),
      onHeadersReceived: noop,
      offHeadersReceived: noop,
      onChunkReceived: noop,
      offChunkReceived: noop,
    };
  };

  const navigation =
    (kind: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'switchTab') => (opts: Callbacks & { url: string }) => {
      host.later(() => {
        try {
          host.navigate(kind, opts.url);
          answer(opts, { errMsg: `${kind}:ok` });
        } catch (error) {
          host.report('throw', `${kind}(${opts.url}): ${String(error)}`);
          answer(opts, { errMsg: `${kind}:fail ${String(error)}` }, false);
        }
      });
    };

  const selectorQuery = () => {
    const results: unknown[] = [];
    const rect = { id: '', dataset: {}, left: 0, top: 0, right: 375, bottom: 40, width: 375, height: 40 };
    const nodesRef = (query: Record<string, unknown>) => {
      const ref = {
        boundingClientRect: (cb?: (r: unknown) => void) => {
          results.push(rect);
          if (cb) host.later(() => cb(rect));
          return query;
        },
        scrollOffset: (cb?: (r: unknown) => void) => {
          const offset = { scrollLeft: 0, scrollTop: 0, scrollWidth: 375, scrollHeight: 40 };
          results.push(offset);
          if (cb) host.later(() => cb(offset));
          return query;
        },
        fields: (_f: unknown, cb?: (r: unknown) => void) => {
          results.push(rect);
          if (cb) host.later(() => cb(rect));
          return query;
        },
        node: (cb?: (r: unknown) => void) => {
          results.push(null);
          if (cb) host.later(() => cb(null));
          return query;
        },
        context: (cb?: (r: unknown) => void) => {
          results.push(null);
          if (cb) host.later(() => cb(null));
          return query;
        },
      };
      return ref;
    };
    const query: Record<string, unknown> = {};
    Object.assign(query, {
      in: () => query,
      select: () => nodesRef(query),
      selectAll: () => nodesRef(query),
      selectViewport: () => nodesRef(query),
      exec: (cb?: (r: unknown[]) => void) => {
        if (cb) host.later(() => cb(results));
      },
    });
    return query;
  };

  const updateManager = {
    onCheckForUpdate: (cb: (r: { hasUpdate: boolean }) => void) => host.later(() => cb({ hasUpdate: false })),
    onUpdateReady: (cb: () => void) => {
      host.updateReadyListeners.push(cb);
    },
    onUpdateFailed: noop,
    applyUpdate: () => {
      host.updateApplied = true;
    },
  };

  return {
    request,
    downloadFile: (opts: Callbacks & { url: string }) => {
      answer(opts, { errMsg: 'downloadFile:fail not supported in the test host' }, false);
      return { abort: noop, onProgressUpdate: noop, offProgressUpdate: noop };
    },
    uploadFile: (opts: Callbacks) => {
      answer(opts, { errMsg: 'uploadFile:fail not supported in the test host' }, false);
      return { abort: noop, onProgressUpdate: noop, offProgressUpdate: noop };
    },

    getStorageSync: storageGet,
    setStorageSync: (key: string, value: unknown) => {
      host.storage.set(key, value);
    },
    removeStorageSync: (key: string) => {
      host.storage.delete(key);
    },
    clearStorageSync: () => host.storage.clear(),
    getStorage: (opts: Callbacks & { key: string }) =>
      host.storage.has(opts.key)
        ? answer(opts, { errMsg: 'getStorage:ok', data: host.storage.get(opts.key) })
        : answer(opts, { errMsg: 'getStorage:fail data not found' }, false),
    setStorage: (opts: Callbacks & { key: string; data: unknown }) => {
      host.storage.set(opts.key, opts.data);
      answer(opts, { errMsg: 'setStorage:ok' });
    },
    removeStorage: (opts: Callbacks & { key: string }) => {
      host.storage.delete(opts.key);
      answer(opts, { errMsg: 'removeStorage:ok' });
    },
    getStorageInfoSync: () => ({ keys: [...host.storage.keys()], currentSize: 1, limitSize: 10240 }),

    navigateTo: navigation('navigateTo'),
    redirectTo: navigation('redirectTo'),
    reLaunch: navigation('reLaunch'),
    switchTab: navigation('switchTab'),
    navigateBack: (opts: Callbacks & { delta?: number } = {}) => {
      host.later(() => {
        host.navigateBack(opts.delta ?? 1);
        answer(opts, { errMsg: 'navigateBack:ok' });
      });
    },

    showToast: (opts: Callbacks & { title: string }) => {
      host.toasts.push(opts.title);
      answer(opts, { errMsg: 'showToast:ok' });
    },
    hideToast: ok('hideToast'),
    showLoading: (opts: Callbacks & { title: string }) => answer(opts, { errMsg: 'showLoading:ok' }),
    hideLoading: ok('hideLoading'),
    showModal: (opts: Callbacks & { title?: string; content?: string }) => {
      const modal = { title: opts.title, content: opts.content };
      host.modals.push(modal);
      const confirm = script.confirmModal ? script.confirmModal(modal) : true;
      answer(opts, { errMsg: 'showModal:ok', confirm, cancel: !confirm });
    },
    showActionSheet: (opts: Callbacks) => answer(opts, { errMsg: 'showActionSheet:fail cancel' }, false),

    login: (opts: Callbacks) => {
      loginCount += 1;
      answer(opts, {
        errMsg: 'login:ok',
        // One host name is one WeChat user: `<person>.<nonce>` gives the same openid at every
        // sign-in, and every code is new (WeChat refuses a used one), on a reinstalled app too.
        code: script.loginCode
          ? script.loginCode()
          : `host-${host.name}.${loginCount}-${Math.random().toString(36).slice(2)}`,
      });
    },
    checkSession: ok('checkSession'),
    getLocation: (opts: Callbacks) =>
      locationApi('getLocation', opts, () => {
        if (!script.location) return null;
        return { ...script.location(), accuracy: 30, speed: -1, altitude: 0 };
      }),
    chooseLocation: (opts: Callbacks) =>
      locationApi('chooseLocation', opts, () => script.pickedPlace?.() ?? null),
    scanCode: (opts: Callbacks) => {
      void host.requirePrivacy('scanCode').then((allowed) => {
        if (!allowed)
          return answer(opts, { errMsg: 'scanCode:fail privacy permission is not authorized' }, false);
        if (!script.scanResult) return answer(opts, { errMsg: 'scanCode:fail cancel' }, false);
        answer(opts, {
          errMsg: 'scanCode:ok',
          result: script.scanResult(),
          scanType: 'QR_CODE',
          charSet: 'UTF-8',
        });
      });
    },
    chooseImage: (opts: Callbacks) =>
      void host.requirePrivacy('chooseImage').then((allowed) =>
        answer(
          opts,
          {
            errMsg: allowed
              ? 'chooseImage:fail cancel'
              : 'chooseImage:fail privacy permission is not authorized',
          },
          false,
        ),
      ),
    chooseMedia: (opts: Callbacks) =>
      void host.requirePrivacy('chooseMedia').then((allowed) =>
        answer(
          opts,
          {
            errMsg: allowed
              ? 'chooseMedia:fail cancel'
              : 'chooseMedia:fail privacy permission is not authorized',
          },
          false,
        ),
      ),
    requestSubscribeMessage: (opts: Callbacks & { tmplIds?: string[] }) =>
      answer(opts, {
        errMsg: 'requestSubscribeMessage:ok',
        ...Object.fromEntries((opts.tmplIds ?? []).map((id) => [id, 'accept'])),
      }),

    getSystemInfoSync: () => ({ ...WINDOW, ...DEVICE, ...APP_BASE }),
    getSystemInfo: (opts: Callbacks) =>
      answer(opts, { errMsg: 'getSystemInfo:ok', ...WINDOW, ...DEVICE, ...APP_BASE }),
    getSystemInfoAsync: (opts: Callbacks) =>
      answer(opts, { errMsg: 'getSystemInfoAsync:ok', ...WINDOW, ...DEVICE, ...APP_BASE }),
    getWindowInfo: () => ({ ...WINDOW }),
    getDeviceInfo: () => ({ ...DEVICE }),
    getAppBaseInfo: () => ({ ...APP_BASE }),
    getSystemSetting: () => ({
      bluetoothEnabled: false,
      locationEnabled: false,
      wifiEnabled: true,
      deviceOrientation: 'portrait',
    }),
    getAppAuthorizeSetting: () => ({ cameraAuthorized: 'authorized', albumAuthorized: 'authorized' }),
    getMenuButtonBoundingClientRect: () => ({
      width: 87,
      height: 32,
      top: 48,
      right: 368,
      bottom: 80,
      left: 281,
    }),
    getAccountInfoSync: () => ({
      miniProgram: { appId: 'touristappid', envVersion: 'develop', version: '' },
    }),
    getLaunchOptionsSync: () => ({ path: host.appJson.pages[0], query: {}, scene: 1001, referrerInfo: {} }),
    getEnterOptionsSync: () => ({ path: host.appJson.pages[0], query: {}, scene: 1001, referrerInfo: {} }),
    getNetworkType: ok('getNetworkType', { networkType: 'wifi' }),
    onNetworkStatusChange: noop,
    offNetworkStatusChange: noop,
    onAppShow: noop,
    offAppShow: noop,
    onAppHide: noop,
    offAppHide: noop,
    onError: noop,
    offError: noop,
    onUnhandledRejection: noop,
    offUnhandledRejection: noop,
    onPageNotFound: noop,
    offPageNotFound: noop,
    onWindowResize: noop,
    offWindowResize: noop,
    onKeyboardHeightChange: noop,
    offKeyboardHeightChange: noop,
    onMemoryWarning: noop,
    canIUse: () => true,
    nextTick: (fn: () => void) => host.later(fn),
    createSelectorQuery: selectorQuery,
    createIntersectionObserver: () => ({
      relativeTo: function () {
        return this;
      },
      relativeToViewport: function () {
        return this;
      },
      observe: noop,
      disconnect: noop,
    }),
    getUpdateManager: () => updateManager,
    onNeedPrivacyAuthorization: (listener: (...a: unknown[]) => void) => {
      host.privacyListeners.push(listener);
    },
    requirePrivacyAuthorize: ok('requirePrivacyAuthorize'),
    openPrivacyContract: ok('openPrivacyContract'),
    getPrivacySetting: ok('getPrivacySetting', {
      needAuthorization: false,
      privacyContractName: '《复工通隐私保护指引》',
    }),

    setNavigationBarTitle: ok('setNavigationBarTitle'),
    setNavigationBarColor: ok('setNavigationBarColor'),
    showNavigationBarLoading: ok('showNavigationBarLoading'),
    hideNavigationBarLoading: ok('hideNavigationBarLoading'),
    setBackgroundColor: ok('setBackgroundColor'),
    setBackgroundTextStyle: ok('setBackgroundTextStyle'),
    startPullDownRefresh: ok('startPullDownRefresh'),
    stopPullDownRefresh: ok('stopPullDownRefresh'),
    pageScrollTo: ok('pageScrollTo'),
    hideKeyboard: ok('hideKeyboard'),
    vibrateShort: ok('vibrateShort'),
    setClipboardData: ok('setClipboardData'),
    makePhoneCall: ok('makePhoneCall'),
    previewImage: ok('previewImage'),
    openDocument: ok('openDocument'),
    shareFileMessage: ok('shareFileMessage'),
    setKeepScreenOn: ok('setKeepScreenOn'),
    setScreenBrightness: ok('setScreenBrightness'),
    getScreenBrightness: ok('getScreenBrightness', { value: 0.5 }),
    reportAnalytics: noop,
    reportEvent: noop,
    getRealtimeLogManager: () => ({
      info: noop,
      warn: noop,
      error: noop,
      setFilterMsg: noop,
      addFilterMsg: noop,
    }),
    getLogManager: () => ({ log: noop, info: noop, warn: noop, debug: noop }),
    getFileSystemManager: () => ({
      readFile: (opts: Callbacks) =>
        answer(opts, { errMsg: 'readFile:fail no file system in the test host' }, false),
    }),
    arrayBufferToBase64: (buffer: ArrayBuffer) => Buffer.from(buffer).toString('base64'),
    base64ToArrayBuffer: (text: string) => {
      const buf = Buffer.from(text, 'base64');
      return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
    },
  };
}
