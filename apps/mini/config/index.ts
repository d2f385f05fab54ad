import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import { FailOnMissingExports } from './fail-on-warnings';
import prodConfig from './prod';
import { PreloadFirstScreen } from './preload-first-screen';
import { ServiceWorkerManifest } from './service-worker-manifest';

/**
 * Build configuration for both targets. `TARO_ENV` (weapp | h5) picks the output folder so a
 * weapp build and an H5 build can sit side by side under dist/.
 */
const target = process.env.TARO_ENV === 'h5' ? 'h5' : 'weapp';

/** The workspace packages (@fugong/contracts, @fugong/domain) are TypeScript source that
 * webpack reaches through symlinks; their real path is outside node_modules and outside src,
 * so Taro's script rule would skip them without this. */
const workspacePackages = path.resolve(__dirname, '..', '..', '..', 'packages');

/** This app's own node_modules: npm hoists most Taro packages to the root, but keeps the ones
 * pinned to React 18 here (root has React 19 for other workspaces), and root packages such as
 * @tarojs/taro-h5 must still find them (e.g. @tarojs/plugin-framework-react/dist/runtime). */
const ownModules = path.resolve(__dirname, '..', 'node_modules');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- webpack-chain's types are not exported by Taro
type Chain = any;

/** Resolve bare imports from anywhere in the graph to this app's React 18 copy. */
function preferOwnDependencies(chain: Chain): void {
  chain.resolve.modules.add('node_modules');
  chain.resolve.modules.add(ownModules);
  chain.resolve.alias.set('react$', path.join(ownModules, 'react', 'index.js'));
  chain.resolve.alias.set('react/jsx-runtime$', path.join(ownModules, 'react', 'jsx-runtime.js'));
  chain.resolve.alias.set('react/jsx-dev-runtime$', path.join(ownModules, 'react', 'jsx-dev-runtime.js'));
}

/**
 * The weapp build refuses an import of a name the target module does not export (see
 * fail-on-warnings.ts): webpack reports it as an error, Taro exits non-zero.
 */
function refuseMissingExports(chain: Chain): void {
  const parser = chain.module.get('parser') ?? {};
  chain.module.set('parser', { ...parser, javascript: { ...parser.javascript, exportsPresence: 'error' } });
  chain.plugin('fail-on-missing-exports').use(FailOnMissingExports);
}

/**
 * H5 loads each page as an async chunk, and Taro only splits initial chunks, so zod (through
 * @fugong/contracts) and NutUI were copied into every page. One shared async chunk instead.
 */
function shareAsyncChunks(chain: Chain): void {
  const splitChunks = chain.optimization.get('splitChunks') ?? {};
  chain.optimization.splitChunks({
    ...splitChunks,
    cacheGroups: {
      ...splitChunks.cacheGroups,
      shared: {
        name: 'shared',
        chunks: 'async',
        minChunks: 2,
        priority: 5,
        reuseExistingChunk: true,
        enforce: true,
      },
    },
  });
}

/** NutUI's styles are written for a 375-px design; ours for 750 (Taro's default). */
function designWidth(input?: unknown): number {
  const file = String((input as { file?: unknown } | undefined)?.file ?? '').replace(/\\+/g, '/');
  return file.includes('@nutui') ? 375 : 750;
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'fugong-mini',
    date: '2025-01-01',
    designWidth,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${target}`,
    plugins: [],
    env: {
      // weapp has no same-origin server: the BFF address is baked in at build time.
      TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE ?? 'http://127.0.0.1:3000'),
      // Always defined, even empty: WeChat has no `process`, so a name left unreplaced in the bundle
      // is a ReferenceError on the phone (the weapp runtime stage caught it on the booking tap).
      TARO_APP_SUBSCRIBE_TEMPLATE_IDS: JSON.stringify(process.env.TARO_APP_SUBSCRIBE_TEMPLATE_IDS ?? ''),
    },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    // errorLevel 1: a compile error exits the build with status 1 instead of 0.
    compiler: { type: 'webpack5', errorLevel: 1 },
    cache: { enable: false },
    mini: {
      compile: { include: [workspacePackages] },
      webpackChain(chain: Chain) {
        preferOwnDependencies(chain);
        refuseMissingExports(chain);
      },
      // Our class names are component-scoped (BEM), so cross-page CSS order does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      compile: { include: [workspacePackages] },
      webpackChain(chain: Chain) {
        preferOwnDependencies(chain);
        shareAsyncChunks(chain);
        // The first screen: home, which sends a signed-out person on to login.
        chain
          .plugin('preload-first-screen')
          .use(PreloadFirstScreen, [['src/pages/home/index', 'src/pages/login/index']]);
        // sw.js, so the app opens offline; only in the builds that register it (production).
        if (process.env.NODE_ENV !== 'development') chain.plugin('service-worker').use(ServiceWorkerManifest);
      },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      router: { mode: 'hash' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
