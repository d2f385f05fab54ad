const isWeapp = process.env.TARO_ENV === 'weapp';

export default defineAppConfig({
  // The main package: sign-in, home, and everything a worker needs first (check-in, pass,
  // trips, booking). The first page opens on launch; it sends signed-out people to the login page.
  pages: [
    'pages/home/index',
    'pages/me/index',
    'pages/login/index',
    'pages/building/index',
    'pages/checkin/index',
    'pages/pass/index',
    'pages/trips/index',
    'pages/trip-detail/index',
    'pages/booking/index',
    'pages/my-bookings/index',
    'pages/profile/index',
    'pages/freight-apply/index',
    'pages/freight-passes/index',
    'pages/freight-pass/index',
    'pages/freight-review/index',
    'pages/freight-check/index',
    'pages/subsidies/index',
    'pages/subsidy-review/index',
    'pages/subsidy-import/index',
    'pages/inbox/index',
  ],
  // One subpackage per role area, downloaded the first time someone opens one of its pages.
  // Paths are the same on H5 (Taro registers subpackage pages under their root there too).
  subPackages: [
    {
      // 企业联络员, 复工管家 and 部门办理人: reopening reports, charters, issues, visits.
      root: 'enterprise',
      pages: [
        'pages/enterprise-home/index',
        'pages/report/index',
        'pages/issue-form/index',
        'pages/issue-detail/index',
        'pages/issue-list/index',
        'pages/charter-form/index',
        'pages/staff-booking/index',
        'pages/steward-enterprises/index',
        'pages/steward-enterprise/index',
        'pages/visit-form/index',
      ],
    },
    {
      // 交通专班: trips, boarding checks, passenger lists.
      root: 'transport',
      pages: [
        'pages/marshal-scan/index',
        'pages/manifest/index',
        'pages/trip-admin/index',
        'pages/trip-form/index',
        'pages/charter-convert/index',
      ],
    },
    {
      // 指挥部: the dashboard (charts are the heaviest screen).
      root: 'command',
      pages: ['pages/dashboard/index'],
    },
    {
      // 指挥部's console: people and roles (one by one, or 批量授权 from a sheet), 电话回访, the
      // registry import, steward assignments, hand-over, coverage, the audit log and risk levels.
      root: 'admin',
      pages: [
        'pages/people/index',
        'pages/bulk-grant/index',
        'pages/callbacks/index',
        'pages/registry-import/index',
        'pages/assignments/index',
        'pages/handover/index',
        'pages/steward-coverage/index',
        'pages/audit/index',
        'pages/regions/index',
      ],
    },
    {
      // 重点项目服务: the registry, 序时进度表, 周报, 服务清单, 马上会办 and the departments' tasks.
      root: 'projects',
      pages: [
        'pages/project-list/index',
        'pages/project-detail/index',
        'pages/project-session/index',
        'pages/action-items/index',
        'pages/project-figures/index',
      ],
    },
    {
      // 用工服务: workers find jobs and register; firms and HR agencies post and hire; 人社局 sees 用工缺口.
      root: 'labour',
      pages: [
        'pages/vacancies/index',
        'pages/seeker/index',
        'pages/my-applications/index',
        'pages/firm-vacancies/index',
        'pages/vacancy-form/index',
        'pages/firm-applications/index',
        'pages/vacancy-candidates/index',
        'pages/labour-figures/index',
        'pages/agency-grant/index',
        'pages/sharing/index',
        'pages/sharing-form/index',
        'pages/sharing-overview/index',
        'pages/way-there/index',
      ],
    },
    {
      // 产业链协同: firms post supply and demand and confirm matches; lead firms watch key suppliers.
      root: 'supply',
      pages: [
        'pages/posts/index',
        'pages/post-form/index',
        'pages/candidates/index',
        'pages/matches/index',
        'pages/suppliers/index',
        'pages/supply-figures/index',
        'pages/browse/index',
      ],
    },
    {
      // 热线受理: the operator records calls, follows them to the answer and reads the 三率.
      root: 'hotline',
      pages: ['pages/call-form/index', 'pages/calls/index', 'pages/hotline-figures/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#1f6fd1',
    navigationBarTitleText: '复工通',
    navigationBarTextStyle: 'white',
    // H5 too gets Taro's title bar with its back button (weapp always has one).
    navigationStyle: 'default',
    backgroundColor: '#f3f5f8',
  },
  // H5 only: no page slide animation — it stutters on budget Android webviews and delays
  // every screen by ~300 ms. The mini-program keeps WeChat's native transitions.
  ...(isWeapp
    ? {
        // Components are injected when a page renders them, not all at start-up.
        lazyCodeLoading: 'requiredComponents',
        // Privacy APIs (camera, album, phone number) wait for the person's consent; the
        // prompt is src/platform/privacy.ts.
        __usePrivacyCheck__: true,
        // WeChat refuses getLocation / chooseLocation ("need to be declared in the
        // requiredPrivateInfos field") unless declared here: the work place of a vacancy, where
        // goods or capacity are, and where a steward visited (platform/location.ts).
        requiredPrivateInfos: ['getLocation', 'chooseLocation'],
        permission: {
          'scope.userLocation': { desc: '用于标注工作地点、货物所在地和走访位置，按距离推荐岗位' },
        },
        // The role subpackages are fetched in the background from home, on Wi-Fi only: a
        // worker on 3G never pays for the officers' screens.
        preloadRule: {
          'pages/home/index': {
            network: 'wifi',
            packages: [
              'enterprise',
              'transport',
              'command',
              'admin',
              'projects',
              'labour',
              'supply',
              'hotline',
            ],
          },
        },
      }
    : { animation: false }),
  tabBar: {
    color: '#5f6670',
    selectedColor: '#1f6fd1',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-active.png',
      },
    ],
  },
});
