/**
 * A small WeChat mini-program host in Node, enough to run the real `dist/weapp` bundle: the
 * globals a base library gives (`App`, `Page`, `Component`, `getApp`, `getCurrentPages`, `wx`),
 * a `require` over the output folder, a page stack, and `setData` applied to each page's data
 * tree. It executes the JS, not the WXML: Taro renders a page by `setData` of a node tree
 * (`root.cn[…]`, text in `v`), and the templates only forward taps and input to the page's `eh`
 * method with the node's id, which is what {@link HostPage.tap} and {@link HostPage.input} do.
 *
 * Anything a real phone would show as a crash is collected in {@link MiniHost.problems}: a throw
 * from a lifecycle, a handler or a timer, an unhandled rejection, a `console.error`, or a call of
 * a `wx` API this host does not provide (so an API the app starts using must be added here).
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createWx, type WxScript } from './wx-api';
import { applySetData, cloneData } from './set-data';
import { findNodes, textOf, type TaroNode } from './tree';
import { readTemplates, type TemplateInfo } from './templates';

export interface HostOptions {
  /** The built mini-program (apps/mini/dist/weapp). */
  distDir: string;
  /** Origins the bundle has baked in, mapped to where the test's server listens. */
  rewriteOrigins?: Record<string, string>;
  /** Answers for the APIs a person would answer (camera, modal, wx.login). */
  script?: Partial<WxScript>;
  /** A name for messages, e.g. "worker". */
  name?: string;
  /**
   * app.json's `__usePrivacyCheck__` as WeChat applies it: the first privacy API (camera, album,
   * phone number) is held until the app resolves wx.onNeedPrivacyAuthorization with an "agree"
   * from a tapped agreePrivacyAuthorization button.
   */
  privacyCheck?: boolean;
}

interface PageConfig {
  data?: Record<string, unknown>;
  [key: string]: unknown;
}

/** A page instance as the base library makes it: the config's members, data, route, setData. */
export interface PageInstance {
  route: string;
  __route__: string;
  options: Record<string, string>;
  data: Record<string, unknown>;
  setData(update: Record<string, unknown>, cb?: () => void): void;
  [key: string]: unknown;
}

/** Something that went wrong the way a phone would show it. */
export interface Problem {
  kind: 'throw' | 'rejection' | 'console.error' | 'missing-api';
  message: string;
}

/** A page in the stack, with what a person can see and do on it. */
export class HostPage {
  constructor(
    readonly host: MiniHost,
    readonly instance: PageInstance,
  ) {}

  get route(): string {
    return this.instance.route;
  }

  /** The rendered node tree (Taro's `root`). */
  get root(): TaroNode {
    return (this.instance.data.root ?? { cn: [] }) as TaroNode;
  }

  /** All text on the page, in document order, joined by single spaces. */
  text(): string {
    return textOf(this.root);
  }

  /** The innermost element whose text contains `text` (string: substring; RegExp: match). */
  byText(text: string | RegExp): TaroNode | null {
    const matches = findNodes(this.root, (n) => !('v' in n) && matchText(textOf(n), text));
    // Innermost: a match none of whose descendants also matches.
    return matches.find((n) => !matches.some((m) => m !== n && contains(n, m))) ?? null;
  }

  /** Elements carrying this class name. */
  byClass(className: string): TaroNode[] {
    return findNodes(this.root, (n) => typeof n.cl === 'string' && n.cl.split(/\s+/).includes(className));
  }

  /** The input (or textarea) with this placeholder. */
  byPlaceholder(placeholder: string): TaroNode | null {
    return findNodes(this.root, (n) => this.prop(n, 'placeholder') === placeholder)[0] ?? null;
  }

  /** An attribute of a node as the template reads it (`placeholder`, `openType`, `disabled`…). */
  prop(node: TaroNode, name: string): unknown {
    const key = this.host.template(node)?.attrs[name];
    return key ? node[key] : node[name];
  }

  /**
   * Taps an element the way the template does (`bindtap="eh"` with the node's id), then waits for
   * the page to settle: a person cannot tap again before the screen has re-rendered.
   */
  async tap(target: TaroNode | string | RegExp): Promise<void> {
    const node = this.resolve(target);
    this.dispatch(node, 'tap', { x: 0, y: 0 });
    // An open-type button also fires its capability event; WeChat remembers which button
    // was tapped so a privacy "agree" can be checked against it.
    const openType = this.openTypeOf(node);
    if (openType?.node && openType.type === 'agreePrivacyAuthorization') {
      this.host.tappedAgreeButtons.add(String(openType.node.uid ?? openType.node.sid));
      this.dispatch(openType.node, 'agreeprivacyauthorization', {});
    }
    if (openType?.node && openType.type === 'getPhoneNumber' && !this.prop(openType.node, 'disabled'))
      this.getPhoneNumber(openType.node);
    await this.host.idle();
  }

  /**
   * What WeChat does after a tap on a getPhoneNumber button: the phone number is a privacy
   * interface, so the privacy check comes first; then WeChat's own dialog (the script's answer);
   * then `getphonenumber` on the button through its template binding, with `detail.code` for 允许
   * or the failure WeChat reports.
   */
  private getPhoneNumber(button: TaroNode): void {
    void this.host.requirePrivacy('getPhoneNumber').then((allowed) => {
      const code = allowed ? (this.host.options.script?.phoneNumberCode?.() ?? null) : null;
      const detail = !allowed
        ? { errMsg: 'getPhoneNumber:fail privacy permission is not authorized' }
        : code
          ? { errMsg: 'getPhoneNumber:ok', code }
          : { errMsg: 'getPhoneNumber:fail user deny' };
      this.host.later(() => this.dispatch(button, 'getphonenumber', detail));
    });
  }

  /** The open-type button that is `node` or holds it (a tap on its label reaches the button). */
  private openTypeOf(node: TaroNode): { node: TaroNode; type: string } | null {
    const chain = findPath(this.root, node) ?? [];
    for (const n of chain.reverse()) {
      const type = this.prop(n, 'openType');
      if (typeof type === 'string' && type) return { node: n, type };
    }
    return null;
  }

  /** Types into an input: `bindinput="eh"` with `detail.value`, then a blur like a person leaving it. */
  async input(target: TaroNode | string, value: string): Promise<void> {
    const node = typeof target === 'string' ? this.byPlaceholder(target) : target;
    if (!node)
      throw new Error(`${this.host.name}: no input with placeholder "${String(target)}" on ${this.route}`);
    this.dispatch(node, 'input', { value, cursor: value.length, keyCode: 0 });
    this.dispatch(node, 'blur', { value });
    await this.host.idle();
  }

  private resolve(target: TaroNode | string | RegExp): TaroNode {
    if (typeof target === 'object' && !(target instanceof RegExp)) return target;
    const node = this.byText(target);
    if (!node)
      throw new Error(
        `${this.host.name}: nothing shows "${String(target)}" on ${this.route}:\n${this.text()}`,
      );
    return node;
  }

  /**
   * Fires a base-library event at `node`. Touch events bubble natively: WeChat calls `eh` once per
   * bound element from the target up, each time with that element as currentTarget, and Taro
   * batches them so the top-most one dispatches to React. Elements without a listener do nothing
   * with the call, so calling every ancestor is what a phone does. Other events stay on the target.
   */
  private dispatch(node: TaroNode, type: string, detail: Record<string, unknown>): void {
    const handler = this.instance.eh;
    if (typeof handler !== 'function') throw new Error(`${this.route} has no event handler (eh)`);
    const chain = findPath(this.root, node);
    if (!chain) throw new Error(`${this.host.name}: that node is not on ${this.route} any more`);
    // Only elements whose template binds the event call eh, as in the view layer.
    const bound = (n: TaroNode) => this.host.template(n)?.events.has(type) ?? true;
    const targets = (BUBBLING.has(type) ? chain.slice(1).reverse() : [node]).filter(bound);
    if (targets.length === 0)
      throw new Error(`${this.host.name}: nothing on ${this.route} listens to ${type} there`);
    const asTarget = (n: TaroNode) => ({
      id: String(n.uid ?? n.sid),
      dataset: { sid: n.sid },
      offsetLeft: 0,
      offsetTop: 0,
    });
    const timeStamp = Date.now();
    for (const current of targets) {
      const event = {
        type,
        timeStamp,
        target: asTarget(node),
        currentTarget: asTarget(current),
        detail: { ...detail },
        touches: [],
        changedTouches: [],
        mark: {},
      };
      this.host.guard(`${type} on ${this.route}`, () =>
        (handler as (e: unknown) => unknown).call(this.instance, event),
      );
    }
  }
}

/** Events the base library bubbles (the touch family); the rest fire on their target only. */
const BUBBLING = new Set([
  'tap',
  'longpress',
  'longtap',
  'touchstart',
  'touchmove',
  'touchend',
  'touchcancel',
]);

function findPath(root: TaroNode, node: TaroNode): TaroNode[] | null {
  if (root === node) return [root];
  for (const child of root.cn ?? []) {
    const below = findPath(child, node);
    if (below) return [root, ...below];
  }
  return null;
}

function matchText(text: string, want: string | RegExp): boolean {
  return typeof want === 'string' ? text.includes(want) : want.test(text);
}

function contains(outer: TaroNode, inner: TaroNode): boolean {
  return (outer.cn ?? []).some((child) => child === inner || contains(child, inner));
}

/** Splits `/pages/x/index?a=1` into the route and its decoded query. */
function parseUrl(url: string, from?: string): { route: string; query: Record<string, string> } {
  const [rawPath, search = ''] = url.split('?');
  let route = rawPath;
  if (!route.startsWith('/') && from) route = path.posix.join(path.posix.dirname(from), route);
  route = route.replace(/^\/+/, '');
  const query: Record<string, string> = {};
  for (const pair of search.split('&').filter(Boolean)) {
    const [k, v = ''] = pair.split('=');
    query[decodeURIComponent(k)] = decodeURIComponent(v);
  }
  return { route, query };
}

/** One running mini-program: one phone, one person. */
export class MiniHost {
  readonly name: string;
  readonly problems: Problem[] = [];
  readonly appJson: {
    pages: string[];
    subPackages?: { root: string; pages: string[] }[];
    subpackages?: { root: string; pages: string[] }[];
    tabBar?: { list: { pagePath: string }[] };
    requiredPrivateInfos?: string[];
  };
  /** Everything shown with showToast / showModal, newest last. */
  readonly toasts: string[] = [];
  readonly modals: { title?: string; content?: string }[] = [];
  readonly storage = new Map<string, unknown>();
  readonly wx: Record<string, unknown>;
  /** Request/response pairs the app made, newest last. */
  readonly requests: { method: string; url: string; status: number; data: unknown }[] = [];
  /** What the app registered with wx.getUpdateManager().onUpdateReady / wx.onNeedPrivacyAuthorization. */
  readonly updateReadyListeners: (() => void)[] = [];
  updateApplied = false;
  readonly privacyListeners: ((...args: unknown[]) => void)[] = [];
  /** Ids of agreePrivacyAuthorization buttons the person tapped. */
  readonly tappedAgreeButtons = new Set<string>();
  /** Whether the person has agreed to the privacy guide (WeChat keeps this per user). */
  privacyAgreed: boolean;

  private readonly templates: Map<string, TemplateInfo>;
  private readonly context: vm.Context;
  private readonly modules = new Map<string, { exports: unknown }>();
  private readonly pageConfigs = new Map<string, PageConfig>();
  private readonly componentConfigs = new Map<string, unknown>();
  private readonly stack: PageInstance[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private pendingWork = 0;
  private loadingPath: string | null = null;
  private app: Record<string, unknown> | null = null;
  private readonly onRejection = (reason: unknown) => this.report('rejection', reason);

  constructor(readonly options: HostOptions) {
    this.name = options.name ?? 'host';
    this.privacyAgreed = !options.privacyCheck;
    this.appJson = JSON.parse(fs.readFileSync(path.join(options.distDir, 'app.json'), 'utf8'));
    this.wx = createWx(this, options.script ?? {});
    this.templates = readTemplates(options.distDir);
    const sandboxConsole = {
      log: () => undefined,
      info: () => undefined,
      debug: () => undefined,
      warn: () => undefined,
      error: (...args: unknown[]) => this.report('console.error', args.map(describeValue).join(' ')),
    };
    const timers = {
      setTimeout: (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) =>
        this.timer(fn, ms, args),
      clearTimeout: (t: NodeJS.Timeout) => {
        clearTimeout(t);
        this.timers.delete(t);
      },
      setInterval: (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
        const t = setInterval(() => this.guard('setInterval', () => fn(...args)), ms);
        t.unref();
        return t;
      },
      clearInterval: (t: NodeJS.Timeout) => clearInterval(t),
    };
    this.context = vm.createContext({
      console: sandboxConsole,
      ...timers,
      wx: this.wx,
      App: (config: Record<string, unknown>) => {
        this.app = config;
      },
      Page: (config: PageConfig) => {
        if (!this.loadingPath) throw new Error('Page() called outside a page file');
        this.pageConfigs.set(this.loadingPath, config);
      },
      Component: (config: unknown) => {
        if (this.loadingPath) this.componentConfigs.set(this.loadingPath, config);
      },
      Behavior: (config: unknown) => config,
      getApp: () => this.app,
      getCurrentPages: () => [...this.stack],
      requirePlugin: (name: string) => {
        throw new Error(`requirePlugin(${name}): no plugins in this host`);
      },
      __wxConfig: { envVersion: 'develop', platform: 'devtools' },
    });
    process.on('unhandledRejection', this.onRejection);
  }

  /** base.wxml's template for this node, when the bundle has one. */
  template(node: TaroNode): TemplateInfo | undefined {
    return node.nn === undefined ? undefined : this.templates.get(String(node.nn));
  }

  /** Records a problem; the tests fail on any. */
  report(kind: Problem['kind'], what: unknown): void {
    this.problems.push({ kind, message: `${this.name}: ${describeValue(what)}` });
  }

  /** Runs `fn`, recording a throw (as the base library would log it) instead of propagating it. */
  guard<T>(where: string, fn: () => T): T | undefined {
    try {
      const result = fn();
      if (result && typeof (result as { then?: unknown }).then === 'function')
        (result as unknown as Promise<unknown>).then(undefined, (e: unknown) => this.report('rejection', e));
      return result;
    } catch (error) {
      this.report('throw', `${where}: ${describeValue(error)}`);
      return undefined;
    }
  }

  /** Async work the host is doing for the app (requests in flight); idle() waits for it. */
  track<T>(work: Promise<T>): Promise<T> {
    this.pendingWork += 1;
    return work.finally(() => {
      this.pendingWork -= 1;
    });
  }

  /** Runs `fn` on a later turn, as the base library calls back; idle() waits for it. */
  later(fn: () => void): void {
    this.timer(fn, 0, []);
  }

  private timer(fn: (...a: unknown[]) => void, ms: number | undefined, args: unknown[]): NodeJS.Timeout {
    const t: NodeJS.Timeout = setTimeout(() => {
      this.timers.delete(t);
      this.guard('setTimeout', () => fn(...args));
    }, ms);
    // Short timers are rendering and promise plumbing; idle() waits for them. Long ones
    // (countdowns, retries with back-off) would keep a test waiting for nothing.
    if ((ms ?? 0) <= 1000) this.timers.add(t);
    t.unref();
    return t;
  }

  /** Origin rewriting for wx.request: the bundle's baked API address → the test's BFF. */
  mapUrl(url: string): string {
    for (const [from, to] of Object.entries(this.options.rewriteOrigins ?? {}))
      if (url.startsWith(from)) return to + url.slice(from.length);
    return url;
  }

  /** `require` as the base library gives it: paths relative to the requiring file, `.js` optional. */
  private require(fromFile: string, spec: string): unknown {
    let file = path.resolve(path.dirname(fromFile), spec);
    if (!fs.existsSync(file) && fs.existsSync(`${file}.js`)) file = `${file}.js`;
    if (!file.startsWith(path.resolve(this.options.distDir)))
      throw new Error(`require(${spec}) from ${fromFile} leaves the package`);
    const cached = this.modules.get(file);
    if (cached) return cached.exports;
    const module = { exports: {} as unknown };
    this.modules.set(file, module);
    const code = fs.readFileSync(file, 'utf8');
    const fn = vm.runInContext(`(function (require, module, exports) {${code}\n})`, this.context, {
      filename: file,
    }) as (r: (s: string) => unknown, m: typeof module, e: unknown) => void;
    fn((s) => this.require(file, s), module, module.exports);
    return module.exports;
  }

  private loadFile(relative: string): void {
    const previous = this.loadingPath;
    this.loadingPath = relative;
    try {
      this.require(path.join(this.options.distDir, 'app.json'), `./${relative}.js`);
    } finally {
      this.loadingPath = previous;
    }
  }

  /** Every page route in app.json, subpackages included, main package first. */
  allRoutes(): string[] {
    const subs = this.appJson.subPackages ?? this.appJson.subpackages ?? [];
    return [
      ...this.appJson.pages,
      ...subs.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/+$/, '')}/${p}`)),
    ];
  }

  /** Starts the app like WeChat: app.js, onLaunch, onShow, then the entry page. */
  async launch(entry = this.appJson.pages[0], query: Record<string, string> = {}): Promise<HostPage> {
    this.guard('app.js', () => this.loadFile('app'));
    if (!this.app) throw new Error(`${this.name}: app.js did not call App()`);
    const launch = { path: entry, query, scene: 1001, referrerInfo: {} };
    this.callLifecycle(this.app, 'onLaunch', launch);
    this.callLifecycle(this.app, 'onShow', launch);
    this.open(entry, query);
    await this.idle();
    return this.current();
  }

  private callLifecycle(target: Record<string, unknown>, name: string, ...args: unknown[]): void {
    const fn = target[name];
    if (typeof fn === 'function') this.guard(name, () => fn.apply(target, args));
  }

  private instantiate(route: string, query: Record<string, string>): PageInstance {
    if (!this.allRoutes().includes(route)) throw new Error(`${this.name}: ${route} is not in app.json`);
    if (!this.pageConfigs.has(route)) this.guard(`load ${route}`, () => this.loadFile(route));
    const config = this.pageConfigs.get(route);
    if (!config) throw new Error(`${this.name}: ${route}.js did not call Page()`);
    const instance = {} as PageInstance;
    for (const [key, value] of Object.entries(config)) {
      if (key !== 'data') instance[key] = value;
    }
    Object.assign(instance, {
      route,
      __route__: route,
      options: query,
      data: cloneData(config.data ?? {}),
      setData: (update: Record<string, unknown>, cb?: () => void) => {
        this.guard(`setData on ${route}`, () => applySetData(instance.data, update));
        if (cb) this.timer(cb, 0, []);
      },
      selectComponent: () => null,
      selectAllComponents: () => [],
      createSelectorQuery: () => (this.wx.createSelectorQuery as () => unknown)(),
      getOpenerEventChannel: () => ({ emit: () => undefined, on: () => undefined, once: () => undefined }),
    });
    return instance;
  }

  private open(route: string, query: Record<string, string>): void {
    const instance = this.instantiate(route, query);
    this.stack.push(instance);
    this.callLifecycle(instance, 'onLoad', query);
    this.callLifecycle(instance, 'onShow');
    // The base library fires onReady once the first render reached the view layer; Taro's first
    // setData is on a timer scheduled during onLoad, so a timer after it comes after the render.
    this.timer(
      () => {
        if (this.stack.includes(instance)) this.callLifecycle(instance, 'onReady');
      },
      1,
      [],
    );
  }

  private unload(instance: PageInstance): void {
    this.callLifecycle(instance, 'onUnload');
  }

  private isTab(route: string): boolean {
    return (this.appJson.tabBar?.list ?? []).some((t) => t.pagePath === route);
  }

  /** wx.navigateTo and friends; the wx layer calls these. */
  navigate(kind: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'switchTab', url: string): void {
    const top = this.stack[this.stack.length - 1];
    const { route, query } = parseUrl(url, top?.route);
    if (kind === 'navigateTo' && this.isTab(route))
      throw new Error(`navigateTo a tab page (${route}): use switchTab`);
    if (kind === 'switchTab' && !this.isTab(route)) throw new Error(`switchTab to a non-tab page (${route})`);
    if (kind === 'navigateTo') {
      if (this.stack.length >= 10) throw new Error('navigateTo: page stack is full (10)');
      if (top) this.callLifecycle(top, 'onHide');
    } else if (kind === 'redirectTo') {
      if (top) this.unload(this.stack.pop()!);
    } else {
      while (this.stack.length) this.unload(this.stack.pop()!);
    }
    this.open(route, query);
  }

  navigateBack(delta = 1): void {
    for (let i = 0; i < delta && this.stack.length > 1; i += 1) this.unload(this.stack.pop()!);
    this.callLifecycle(this.current().instance, 'onShow');
  }

  /** Opens `route` as the only page (reLaunch), as a person arriving from a chat link would. */
  async reLaunch(route: string, query: Record<string, string> = {}): Promise<HostPage> {
    this.navigate('reLaunch', `/${route}?${new URLSearchParams(query).toString()}`);
    await this.idle();
    return this.current();
  }

  /** The page on top of the stack. */
  current(): HostPage {
    const top = this.stack[this.stack.length - 1];
    if (!top) throw new Error(`${this.name}: no page is open`);
    return new HostPage(this, top);
  }

  /** Waits until no request is in flight and no short timer is pending (rendering is done). */
  async idle(timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let quietSince = 0;
    for (;;) {
      const busy = this.pendingWork > 0 || this.timers.size > 0;
      if (!busy) {
        if (!quietSince) quietSince = Date.now();
        if (Date.now() - quietSince >= 30) return;
      } else quietSince = 0;
      if (Date.now() > deadline) throw new Error(`${this.name}: still busy after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** Waits for the top page to be `route` and to show `text`. */
  waitFor(text: string | RegExp, route?: string, timeoutMs = 15_000): Promise<HostPage> {
    return this.waitUntil(
      (page) => (!route || page.route === route) && matchText(page.text(), text),
      `"${String(text)}"${route ? ` on ${route}` : ''}`,
      timeoutMs,
    );
  }

  /** Waits until `test` holds for the top page (checked whenever the app is idle). */
  async waitUntil(test: (page: HostPage) => boolean, what: string, timeoutMs = 15_000): Promise<HostPage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.idle(timeoutMs);
      const page = this.stack.length ? this.current() : null;
      if (page && test(page)) return page;
      if (Date.now() > deadline) {
        throw new Error(
          `${this.name}: waited for ${what}; top is ${page?.route}: ${page?.text()}\n` +
            this.problems.map((p) => p.message).join('\n'),
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /**
   * Runs a privacy API the way WeChat does under `__usePrivacyCheck__`: before consent the call is
   * held and the app's onNeedPrivacyAuthorization listener gets a `resolve`; "agree" must name a
   * tapped agreePrivacyAuthorization button. Resolves true when the call may go ahead.
   */
  requirePrivacy(api: string): Promise<boolean> {
    if (this.privacyAgreed) return Promise.resolve(true);
    const listener = this.privacyListeners[this.privacyListeners.length - 1];
    if (!listener) return Promise.resolve(false);
    return new Promise((resolve) => {
      const answer = (option: { event?: string; buttonId?: string }) => {
        if (option?.event === 'exposureAuthorization') return;
        if (option?.event === 'agree') {
          if (!option.buttonId || !this.tappedAgreeButtons.has(option.buttonId)) {
            this.report('throw', `privacy: agree with button "${option.buttonId}" that was never tapped`);
            return resolve(false);
          }
          this.privacyAgreed = true;
          return resolve(true);
        }
        resolve(false);
      };
      this.guard('onNeedPrivacyAuthorization', () => listener(answer, { referrer: api }));
    });
  }

  /** A tap on the native tab bar (outside the page's tree): wx.switchTab to that tab. */
  async tapTab(route: string): Promise<HostPage> {
    this.navigate('switchTab', `/${route}`);
    await this.idle();
    return this.current();
  }

  /** Stops listening to the process; call in afterAll. */
  dispose(): void {
    process.off('unhandledRejection', this.onRejection);
    for (const t of this.timers) clearTimeout(t);
    while (this.stack.length) this.unload(this.stack.pop()!);
  }
}

/** A readable one-liner for an error or value from the sandbox (another realm: no instanceof). */
export function describeValue(value: unknown): string {
  const text = describeRaw(value);
  // React's production build names an undefined element type only by number.
  return text.includes('Minified React error #130')
    ? `a component rendered as undefined (an import of a name its module does not export; React #130): ${text}`
    : text;
}

function describeRaw(value: unknown): string {
  if (value && typeof value === 'object') {
    const v = value as { stack?: unknown; message?: unknown; errMsg?: unknown };
    if (typeof v.stack === 'string') return v.stack.split('\n').slice(0, 4).join(' | ');
    if (typeof v.message === 'string') return v.message;
    if (typeof v.errMsg === 'string') return v.errMsg;
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}
