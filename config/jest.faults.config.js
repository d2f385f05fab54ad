/**
 * The fault-injection stage (`npm run test:faults`): crashes, outages and multi-instance rushes
 * against real processes. Separate from `npm test` because each file kills and restarts servers;
 * files run one at a time so two fault scenarios never share the two cores.
 */
const path = require('node:path');
const preset = require('./jest.preset');

module.exports = {
  ...preset,
  displayName: 'faults',
  rootDir: path.resolve(__dirname, '..'),
  testMatch: ['<rootDir>/test/faults/**/*.fault.ts'],
  maxWorkers: 1,
  testTimeout: 240_000,
};
