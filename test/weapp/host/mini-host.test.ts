/**
 * The mini-program host on tiny hand-written bundles (no Taro build needed, so this runs in
 * `npm test`): it must fail on the crash a page→page import causes in WeChat, and it must apply
 * setData, route taps through `eh`, make real HTTP requests and keep a page stack the way the
 * base library does.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { MiniHost } from './mini-host';
import { applySetData, parsePath } from './set-data';

/** Writes a bundle: app.json plus files (path → source). */
function bundle(
  files: Record<string, string>,
  pages: string[],
  appJson: Record<string, unknown> = {},
): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mini-host-'));
  fs.writeFileSync(path.join(dir, 'app.json'), JSON.stringify({ pages, ...appJson }));
  fs.writeFileSync(path.join(dir, 'app.js'), 'App({ onLaunch: function () { this.launched = true; } });');
  for (const [file, source] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), source);
  }
  return dir;
}

/** A list page that renders a row component imported from `rowModule`. */
const listPage = (rowModule: string) => `
var shared = require('${rowModule}');
Page({
  data: { root: { cn: [] } },
  onLoad: function () {
    // What the compiled JSX does: call the imported component to build the row.
    var row = shared.TripRow({ title: '贵阳 → 余姚' });
    this.setData({ 'root.cn': [row] });
  },
});`;

/** Another page file: in the weapp build a page file exports only its page. */
const tripsPage = `Page({ data: { root: { cn: [] } } });`;
const rowComponent = `module.exports = { TripRow: function (p) { return { nn: 'view', sid: '_1', cn: [{ sid: '_2', v: p.title }] }; } };`;

const hosts: MiniHost[] = [];
const start = (distDir: string, options: Partial<ConstructorParameters<typeof MiniHost>[0]> = {}) => {
  const host = new MiniHost({ distDir, name: 'fixture', ...options });
  hosts.push(host);
  return host;
};
afterEach(() => {
  while (hosts.length) hosts.pop()!.dispose();
});

describe('mini-program host', () => {
  it('when a page imports a row from another page file (undefined in weapp), then the host reports the crash', async () => {
    const dir = bundle(
      { 'pages/manifest/index.js': listPage('../trips/index'), 'pages/trips/index.js': tripsPage },
      ['pages/manifest/index', 'pages/trips/index'],
    );
    const host = start(dir);
    await host.launch();
    expect(host.problems).toEqual([
      expect.objectContaining({
        kind: 'throw',
        message: expect.stringMatching(/onLoad: TypeError: .*TripRow is not a function/),
      }),
    ]);
  });

  it('when the row comes from a shared component module, then the page renders its text and nothing is reported', async () => {
    const dir = bundle(
      {
        'pages/manifest/index.js': listPage('../../components/trip-row'),
        'components/trip-row.js': rowComponent,
      },
      ['pages/manifest/index'],
    );
    const host = start(dir);
    const page = await host.launch();
    expect(page.text()).toBe('贵阳 → 余姚');
    expect(host.problems).toEqual([]);
  });

  it('when the app logs console.error or calls a wx API the host lacks, then each is a problem', async () => {
    const dir = bundle(
      {
        'pages/a/index.js': `Page({
          data: { root: { cn: [] } },
          onLoad: function () { console.error('Warning: React.jsx: type is invalid'); },
          onShow: function () { wx.notAnApi(); },
        });`,
      },
      ['pages/a/index'],
    );
    const host = start(dir);
    await host.launch();
    // (An unhandled rejection is reported too; under jest, jest itself fails the test first.)
    const kinds = host.problems.map((p) => p.kind).sort();
    expect(kinds).toEqual(['console.error', 'throw']);
    expect(host.problems.find((p) => p.kind === 'throw')?.message).toMatch(/notAnApi is not a function/);
  });

  it('when a bound element is tapped, then eh gets the ids from the target up, a real request is made and the reply is rendered', async () => {
    const server = http.createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ msg: `已收到 ${req.method} ${req.url}` }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const dir = bundle(
        {
          'pages/a/index.js': `Page({
            data: { root: { cn: [{ nn: 'view', sid: '_1', uid: 'card', cn: [{ nn: 'text', sid: '_2', cn: [{ sid: '_3', v: '提交' }] }] }] } },
            seen: [],
            eh: function (e) {
              this.seen.push(e.currentTarget.id + '<' + e.target.id);
              if (e.currentTarget.id !== 'card') return;
              var page = this;
              wx.request({ url: 'http://api.invalid/api/ping', data: { q: '1' }, success: function (res) {
                page.setData({ 'root.cn.[0].cn.[0].cn.[0].v': res.data.msg });
                wx.navigateTo({ url: '/pages/b/index?from=a' });
              } });
            },
          });`,
          'pages/b/index.js': `Page({ data: { root: { cn: [{ sid: '_9', v: '第二页' }] } } });`,
        },
        ['pages/a/index', 'pages/b/index'],
      );
      const host = start(dir, { rewriteOrigins: { 'http://api.invalid': `http://127.0.0.1:${port}` } });
      const page = await host.launch();
      await page.tap('提交');
      // The base library calls eh once per element from the tapped one up to the page.
      expect(page.instance.seen).toEqual(['_2<_2', 'card<_2']);
      expect(page.text()).toBe('已收到 GET /api/ping?q=1');
      expect(host.current().route).toBe('pages/b/index');
      expect(host.current().instance.options).toEqual({ from: 'a' });
      host.navigateBack();
      expect(host.current().route).toBe('pages/a/index');
      expect(host.problems).toEqual([]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('when a getPhoneNumber button is tapped, then WeChat asks for privacy consent first and the button gets getphonenumber with the code (or the failure)', async () => {
    // A page with the phone button and the agree button of a privacy prompt, recording every event.
    const dir = bundle(
      {
        'pages/a/index.js': `Page({
          data: { root: { cn: [
            { nn: 'button', sid: '_1', openType: 'getPhoneNumber', cn: [{ sid: '_2', v: '手机号登录' }] },
            { nn: 'button', sid: '_3', uid: 'agree', openType: 'agreePrivacyAuthorization', cn: [{ sid: '_4', v: '同意' }] },
          ] } },
          seen: [],
          onLoad: function () {
            var page = this;
            wx.onNeedPrivacyAuthorization(function (resolve, info) {
              page.seen.push('privacy:' + info.referrer);
              page.agree = function () { resolve({ buttonId: 'agree', event: 'agree' }); };
            });
          },
          eh: function (e) {
            if (e.type === 'tap') return;
            this.seen.push(e.type + '@' + e.currentTarget.id + ':' + (e.detail.code || e.detail.errMsg));
            if (e.type === 'agreeprivacyauthorization') this.agree();
          },
        });`,
      },
      ['pages/a/index'],
    );
    const codes = ['phone-code-1', null];
    const host = start(dir, { privacyCheck: true, script: { phoneNumberCode: () => codes.shift() ?? null } });
    const page = await host.launch();
    await page.tap('手机号登录');
    // Held until the person agrees; nothing reaches the button meanwhile.
    expect(page.instance.seen).toEqual(['privacy:getPhoneNumber']);
    await page.tap('同意');
    await page.tap('手机号登录');
    expect(page.instance.seen).toEqual([
      'privacy:getPhoneNumber',
      'agreeprivacyauthorization@agree:undefined',
      'getphonenumber@_1:phone-code-1',
      'getphonenumber@_1:getPhoneNumber:fail user deny',
    ]);
    expect(host.problems).toEqual([]);
  });

  it('when the app calls getLocation without declaring it in requiredPrivateInfos, then WeChat refuses it; declared, it answers', async () => {
    const page = (name: string) => `Page({
      data: { root: { cn: [] } },
      seen: [],
      onLoad: function () {
        var page = this;
        wx.getLocation({ type: 'wgs84', success: function (r) { page.seen.push('${name}:' + r.latitude); }, fail: function (r) { page.seen.push('${name}:' + r.errMsg); } });
      },
    });`;
    const location = () => ({ latitude: 30.04, longitude: 121.15 });
    const undeclared = await start(bundle({ 'pages/a/index.js': page('a') }, ['pages/a/index']), {
      script: { location },
    }).launch();
    const declared = await start(
      bundle({ 'pages/a/index.js': page('a') }, ['pages/a/index'], { requiredPrivateInfos: ['getLocation'] }),
      { script: { location } },
    ).launch();
    await new Promise((r) => setTimeout(r, 20));
    expect(undeclared.instance.seen).toEqual([
      'a:getLocation:fail the api need to be declared in the requiredPrivateInfos field in app.json/ext.json',
    ]);
    expect(declared.instance.seen).toEqual(['a:30.04']);
  });

  it('when setData keys use Taro paths, then the data tree is updated in place, creating arrays for indexes', () => {
    expect(parsePath('root.cn.[0].cn[2].v')).toEqual(['root', 'cn', 0, 'cn', 2, 'v']);
    const data: Record<string, unknown> = { root: { cn: [{ v: 'a' }] } };
    applySetData(data, { 'root.cn.[0].v': 'b', 'root.cn.[1].cn.[0].v': 'c', list: [1, 2] });
    expect(data).toEqual({ root: { cn: [{ v: 'b' }, { cn: [{ v: 'c' }] }] }, list: [1, 2] });
  });
});
