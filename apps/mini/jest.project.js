/**
 * Jest settings for the mini-program's unit tests (pages and components in jsdom).
 * @tarojs/* are mapped to small test doubles: the real runtime needs a mini-program host.
 */
module.exports = {
  testEnvironment: 'jsdom',
  moduleNameMapper: {
    '^@tarojs/components$': '<rootDir>/test-support/taro-components.tsx',
    '^@tarojs/taro$': '<rootDir>/test-support/taro.ts',
    '\\.(css|scss)$': '<rootDir>/test-support/style-stub.js',
  },
};
