/**
 * The app's pages come from contracts' page registry. Taro reads this file at build time with its
 * esbuild-based reader, which resolves `@fugong/contracts` through the `paths` in this app's
 * tsconfig.json to the TypeScript source (the package's plain-Node export is an unbuilt dist/).
 */
import { APP_PAGE_LISTS, SUBPACKAGE_ROOTS } from '@fugong/contracts';

const isWeapp = process.env.TARO_ENV === 'weapp';

export default defineAppConfig({
  // The main package and one subpackage per role area, from the page registry in contracts
  // (PAGE_PACKAGES says who each subpackage is for): navigation's PAGES and the BFF's deep links
  // come from the same table.
  ...APP_PAGE_LISTS,
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
            packages: SUBPACKAGE_ROOTS,
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
