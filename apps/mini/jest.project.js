/**
 * Jest settings for the mini-program's unit tests (pages and components in jsdom).
 * @tarojs/* and NutUI are mapped to small test doubles: the real runtime needs a mini-program
 * host. React is pinned to this app's copy (18.3.1): the root has React 19 for other
 * workspaces, and @testing-library/react must render with the same React the pages import.
 */
module.exports = {
  testEnvironment: 'jsdom',
  moduleNameMapper: {
    '^@tarojs/components$': '<rootDir>/test-support/taro-components.tsx',
    '^@tarojs/taro$': '<rootDir>/test-support/taro.ts',
    '^@nutui/nutui-react-taro$': '<rootDir>/test-support/nutui.tsx',
    '^react$': '<rootDir>/node_modules/react/index.js',
    '^react/(.*)$': '<rootDir>/node_modules/react/$1',
    '^react-dom$': '<rootDir>/node_modules/react-dom/index.js',
    '^react-dom/(.*)$': '<rootDir>/node_modules/react-dom/$1',
    '\\.(css|scss)$': '<rootDir>/test-support/style-stub.js',
  },
  setupFilesAfterEnv: ['<rootDir>/test-support/setup.ts'],
};
