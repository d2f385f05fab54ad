/**
 * Every page of app.json (subpackages included) opened on the built mini-program, each by the
 * role that uses it, against the real BFF with the demo data: app.js, the page's JS, onLoad,
 * onShow, onReady and the first renders must run without a throw, an unhandled rejection, a
 * framework console.error or a missing wx API, and the page must stay open and show something.
 * A page importing a name another page file does not export (undefined in the weapp build)
 * fails here: React reports the undefined component with console.error and a throw.
 */
import type { MiniHost } from './host/mini-host';
import { phone, signInStaff, startStack, type Stack } from './support/stack';

/** Who opens each page (by page folder, so the list holds wherever the page's subpackage is). */
const ROLE_OF_PAGE: Record<string, keyof typeof PHONES> = {
  home: 'worker',
  me: 'worker',
  login: 'worker',
  building: 'worker',
  checkin: 'worker',
  pass: 'worker',
  trips: 'worker',
  'trip-detail': 'worker',
  booking: 'worker',
  'my-bookings': 'worker',
  profile: 'worker',
  'enterprise-home': 'liaison',
  report: 'liaison',
  'issue-form': 'liaison',
  'issue-detail': 'liaison',
  'issue-list': 'liaison',
  'charter-form': 'liaison',
  'staff-booking': 'liaison',
  'steward-enterprises': 'steward',
  'steward-enterprise': 'steward',
  'visit-form': 'steward',
  'marshal-scan': 'transport',
  manifest: 'transport',
  'trip-admin': 'transport',
  'trip-form': 'transport',
  'charter-convert': 'transport',
  dashboard: 'admin',
  'freight-apply': 'liaison',
  'freight-passes': 'liaison',
  'freight-pass': 'worker',
  'freight-review': 'transport',
  'freight-check': 'checkpoint',
  subsidies: 'liaison',
  'subsidy-review': 'officer',
  'subsidy-import': 'officer',
  inbox: 'worker',
  people: 'admin',
  'bulk-grant': 'admin',
  callbacks: 'admin',
  'registry-import': 'admin',
  assignments: 'admin',
  handover: 'admin',
  'steward-coverage': 'admin',
  audit: 'admin',
  regions: 'admin',
  'project-list': 'liaison',
  'project-detail': 'liaison',
  'project-session': 'officer',
  'action-items': 'officer',
  'project-figures': 'admin',
  vacancies: 'worker',
  seeker: 'worker',
  'my-applications': 'worker',
  'firm-vacancies': 'liaison',
  'vacancy-form': 'liaison',
  'firm-applications': 'liaison',
  'vacancy-candidates': 'liaison',
  'labour-figures': 'officer',
  'agency-grant': 'officer',
  sharing: 'liaison',
  'sharing-form': 'liaison',
  'sharing-overview': 'officer',
  'way-there': 'worker',
  posts: 'liaison',
  'post-form': 'liaison',
  candidates: 'liaison',
  matches: 'liaison',
  suppliers: 'liaison',
  'supply-figures': 'admin',
  'call-form': 'hotline_operator',
  calls: 'hotline_operator',
  'hotline-figures': 'hotline_operator',
  browse: 'admin',
};
const PHONES = {
  worker: '13800000001',
  liaison: '13800000002',
  steward: '13800000003',
  transport: '13800000005',
  officer: '13800000004',
  admin: '13800000006',
  checkpoint: '13800000007',
  hotline_operator: '13800000008',
};

let stack: Stack;
const hosts = new Map<string, MiniHost>();

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  for (const host of hosts.values()) host.dispose();
  await stack?.stop();
});

async function phoneOf(role: keyof typeof PHONES): Promise<MiniHost> {
  let host = hosts.get(role);
  if (!host) {
    host = phone(stack, role);
    await signInStaff(stack, host, PHONES[role]);
    await host.launch();
    hosts.set(role, host);
  }
  return host;
}

const folderOf = (route: string) => route.split('/').slice(-2)[0];

describe('every page of the weapp build', () => {
  const routes = phone({ apiUrl: 'http://127.0.0.1:9' }, 'list').allRoutes();

  it('when app.json is read, then every page has a role that opens it here and subpackages are listed', () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((r) => !(folderOf(r) in ROLE_OF_PAGE))).toEqual([]);
  });

  it.each(routes)('when %s is opened by its role, then it renders without a crash', async (route) => {
    const host = await phoneOf(ROLE_OF_PAGE[folderOf(route)]);
    const before = host.problems.length;
    const page = await host.reLaunch(route);
    // A signed-in person on the login page is sent home; everyone else stays where they went.
    expect(page.route).toBe(folderOf(route) === 'login' ? 'pages/home/index' : route);
    expect(page.text()).not.toBe('');
    expect(host.problems.slice(before).map((p) => p.message)).toEqual([]);
  });
});

describe('location in the weapp build', () => {
  it('when a liaison picks where the goods are on WeChat’s map, then WeChat lets the declared API through after consent and the form shows the place', async () => {
    const host = phone(stack, 'liaison-map', {
      script: {
        pickedPlace: () => ({
          name: '余姚物流园',
          address: '浙江省宁波市余姚市',
          latitude: 30.04,
          longitude: 121.16,
        }),
      },
    });
    hosts.set('liaison-map' as keyof typeof PHONES, host);
    await signInStaff(stack, host, PHONES.liaison);
    await host.launch();
    let page = await host.reLaunch('supply/pages/post-form/index');
    await page.tap('在地图上选所在地点（用于按距离匹配）');
    // Location is a privacy interface: WeChat holds the call until the person agrees.
    page = await host.waitFor('隐私保护提示');
    await page.tap(/^同意$/);
    page = await host.waitFor('已选：余姚物流园');
    expect(page.text()).toContain('已选所在地点（在地图上重选）');
    expect(host.problems.map((p) => p.message)).toEqual([]);
  });
});
