/**
 * Browser tests (`npm run test:e2e`, via config/scripts/e2e.js): drive the H5 build in Debian
 * chromium with playwright-core against the real stack. One at a time (2-core machine, one
 * BFF per test file) with timeouts sized for a BFF start-up and a slow first page load.
 */
const path = require('node:path');
const preset = require('./jest.preset');

module.exports = {
  ...preset,
  displayName: 'e2e',
  rootDir: path.resolve(__dirname, '..'),
  testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testEnvironment: 'node',
  testTimeout: 120_000,
  maxWorkers: 1,
};
