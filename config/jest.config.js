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
  // Jest's default 5 s per test is a speed assertion nobody wrote: under CI's full parallel run
  // on 2 shared cores a database restart test once took longer. A hang still fails, at 20 s.
  testTimeout: 20_000,
  projects: [
    project('contracts', 'packages/contracts'),
    project('domain', 'packages/domain'),
    project('embedded-mongo', 'packages/embedded-mongo'),
    project('bff', 'apps/bff'),
    project('mini', 'apps/mini', require('../apps/mini/jest.project.js')),
    project('cross-app', 'test'),
  ],
};
