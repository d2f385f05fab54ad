/**
 * babel-preset-taro compiles TS/React for both targets. babel-plugin-import rewrites
 * `import { Button } from '@nutui/nutui-react-taro'` to the single component and its CSS, so
 * the weapp main package carries only the NutUI components we use (WeChat caps it at 2 MB).
 */
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        camel2DashComponentName: false,
        customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
        // Pre-built CSS: no sass toolchain needed in the build.
        style: (componentPath) => `${componentPath}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
};
