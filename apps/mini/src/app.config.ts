export default defineAppConfig({
  // The first page opens on launch; it sends signed-out people to the login page.
  pages: [
    'pages/home/index',
    'pages/me/index',
    'pages/login/index',
    'pages/building/index',
    'pages/enterprise-home/index',
    'pages/report/index',
    'pages/issue-form/index',
    'pages/issue-detail/index',
    'pages/issue-list/index',
    'pages/charter-form/index',
    'pages/steward-enterprises/index',
    'pages/steward-enterprise/index',
    'pages/visit-form/index',
    'pages/checkin/index',
    'pages/pass/index',
    'pages/trips/index',
    'pages/trip-detail/index',
    'pages/booking/index',
    'pages/my-bookings/index',
    'pages/marshal-scan/index',
    'pages/manifest/index',
    'pages/profile/index',
    'pages/dashboard/index',
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#1f6fd1',
    navigationBarTitleText: '复工通',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f3f5f8',
  },
  // H5 only: no page slide animation — it stutters on budget Android webviews and delays
  // every screen by ~300 ms. The mini-program keeps WeChat's native transitions.
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
  tabBar: {
    color: '#7a808a',
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
