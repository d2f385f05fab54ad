/**
 * One jest run for the whole repository (`npm test`): a project per workspace plus the
 * cross-app tests under test/ (browser tests are separate: `npm run test:e2e`).
 */
const path = require('node:path');
const preset = require('./jest.preset');

const root = path.resolve(__dirname, '..');
const project = (name, dir, extra = {}) => ({
  ...preset,
  displayName: name,
  rootDir: path.join(root, dir),
  testMatch: ['<rootDir>/**/*.test.ts', '<rootDir>/**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/e2e/'],
  ...extra,
});

module.exports = {
  rootDir: root,
  // Two workers on a 2-core machine: jest's default (cores - 1) runs the suites one at a time in
  // band while most suites keep one core busy, so the second core sat idle for half of CI.
  maxWorkers: 2,
  // Jest's default 5 s per test is a speed assertion nobody wrote. With two suites sharing 2 cores
  // (and a busy shared host), a suite's beforeAll that starts a BFF and seeds a demo city took
  // 20-60 s; a hang still fails, at 60 s.
  testTimeout: 60_000,
  projects: [
    project('contracts', 'packages/contracts'),
    project('domain', 'packages/domain'),
    project('embedded-mongo', 'packages/embedded-mongo'),
    project('bff', 'apps/bff'),
    project('mini', 'apps/mini', require('../apps/mini/jest.project.js')),
    project('cross-app', 'test'),
  ],
};
