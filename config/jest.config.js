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
  projects: [
    project('contracts', 'packages/contracts'),
    project('domain', 'packages/domain'),
    project('embedded-mongo', 'packages/embedded-mongo'),
    project('bff', 'apps/bff'),
    project('mini', 'apps/mini', require('../apps/mini/jest.project.js')),
    project('cross-app', 'test'),
  ],
};
