/**
 * Shared jest preset: @swc/jest compiles TypeScript/TSX without type-checking, which keeps
 * a full run fast on a 2-core machine (typechecking is its own `npm run typecheck` step).
 */
const path = require('node:path');

/**
 * The workspace packages resolve to their compiled dist/ under plain Node (production). Tests
 * run the TypeScript source instead, through the same `paths` list tsx reads from the root
 * tsconfig.json (see docs/deploy.md, "Source in development, dist in production").
 */
const { paths } = require('../tsconfig.json').compilerOptions;
const workspaceSources = Object.fromEntries(
  Object.entries(paths).map(([name, [file]]) => [`^${name}$`, path.join(__dirname, '..', file)]),
);

const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  transform: { '^.+\\.(t|j)sx?$': swcTransform },
  testEnvironment: 'node',
  moduleNameMapper: workspaceSources,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'json'],
  clearMocks: true,
};
