/**
 * The weapp runtime stage (`npm run test:weapp`, via config/scripts/weapp.js): the built
 * mini-program runs in a Node mini-program host (test/weapp/host) against the real stack. One
 * file at a time: each starts a BFF.
 */
const path = require('node:path');
const preset = require('./jest.preset');

module.exports = {
  ...preset,
  displayName: 'weapp',
  rootDir: path.resolve(__dirname, '..'),
  testMatch: ['<rootDir>/test/weapp/**/*.weapp.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testEnvironment: 'node',
  testTimeout: 120_000,
  maxWorkers: 1,
};
