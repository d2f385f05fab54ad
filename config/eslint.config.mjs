// One flat ESLint config for the whole repository (`npm run lint`).
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** Pages never import pages (from anywhere: pages/x, ../pages/x, ../../pages/x). */
const PAGE_IMPORT = {
  regex: '(^|/)pages/[^/]+/',
  message:
    'Pages never import pages: move what both need to components/ (UI), store/ (state) or services/ (data).',
};

/** Koa stays in routes: services and repositories are called, they do not read requests. */
const NO_KOA = {
  name: 'koa',
  allowTypeImports: false,
  message:
    'Services and repositories never see Koa: routes (apps/bff/src/**/\*.routes.ts) turn a request into a call.',
};
/** Each package is used through its one entry point. */
const ONE_ENTRY_POINT = {
  regex: '^@fugong/[^/]+/.+',
  message: 'Packages have one entry point: import from @fugong/<package>, not its files.',
};

/**
 * Every BFF module with an index.ts (all of apps/bff/src/modules/* except auth, system,
 * rate-limits and wechat, which the container still builds from their files). A new module is
 * added here, and is then used only through its index.
 */
const MODULES_WITH_INDEX = [
  'alerts',
  'audit-log',
  'boarding',
  'bookings',
  'calendar',
  'callbacks',
  'charters',
  'dashboard',
  'departments',
  'divisions',
  'enterprises',
  'exports',
  'freight-passes',
  'health-checkins',
  'hotline',
  'inbox',
  'issues',
  'key-projects',
  'labour',
  'leases',
  'notifications',
  'profile',
  'regions',
  'reopening',
  'rollups',
  'sms',
  'stewards',
  'subsidies',
  'supply-chain',
  'sweep-failures',
  'trips',
  'visits',
];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/.swc/**', 'data/**', '.artifacts/**', 'coverage/**'],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['apps/mini/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  // ---- House boundaries (see docs/architecture.md). Each message says where the code goes instead.
  {
    // Only repositories import models: everything else builds a repository with
    // `XRepository.on(conn)` and reads record types from the repository. Exceptions, on purpose:
    // the dashboard's recount reader (it reads ten modules' collections as they are stored)
    // and the bulk demo-city generator (it inserts stored shapes in bulk).
    files: ['apps/bff/src/**/*.ts'],
    ignores: [
      '**/*.repository.ts',
      '**/*.model.ts',
      '**/*.test.ts',
      'apps/bff/src/test-support/**',
      '**/testing/**',
      'apps/bff/src/modules/rollups/rollup-sources.ts',
      'apps/bff/src/dev/generator/**',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [NO_KOA],
          patterns: [
            {
              regex: '^\\./(.*/)?[^/]+\\.model$',
              allowTypeImports: true,
              message:
                'Only repositories import models: build the repository with XRepository.on(conn) and take record types from the repository.',
            },
            {
              regex: '^\\.\\./(.*/)?[^/]+\\.model$',
              message:
                "Another module's model is its own business: use that module's index.ts or a narrow interface passed in by container.ts.",
            },
            {
              regex: `^((\\.\\./)+(modules/)?|\\./modules/)(${MODULES_WITH_INDEX.join('|')})/.+`,
              message:
                "A module with an index.ts is used only through it: import from the module's folder, not its files.",
            },
            ONE_ENTRY_POINT,
          ],
        },
      ],
    },
  },
  {
    // Repositories speak the domain: a refusal is a DomainError (apps/bff/src/errors.ts); HTTP
    // (statuses, headers, Koa) belongs to routes and the one error middleware.
    files: ['apps/bff/src/**/*.repository.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [NO_KOA],
          patterns: [
            {
              regex: '^(\\.\\./)+http/',
              message:
                'Repositories know nothing of HTTP: throw a DomainError from apps/bff/src/errors.ts; the error middleware maps its code to a status.',
            },
            ONE_ENTRY_POINT,
          ],
        },
      ],
    },
  },
  {
    // Routes may use Koa types; they still reach no model.
    files: [
      'apps/bff/src/**/*.routes.ts',
      'apps/bff/src/http/**',
      'apps/bff/src/auth/authenticate.ts',
      'apps/bff/src/app.ts',
      'apps/bff/src/server.ts',
      'apps/bff/src/metrics/**',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.{1,2}/(.*/)?[^/]+\\.model$',
              message: 'Routes call services; only repositories import models.',
            },
          ],
        },
      ],
    },
  },
  {
    // Domain rules are pure: no database, no HTTP, no files, no clock of their own.
    files: ['packages/domain/src/**/*.ts', 'packages/contracts/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['mongoose', 'koa', '@koa/router', 'pino', '@tarojs/taro'].map((name) => ({
            name,
            message:
              'contracts and domain are pure (no I/O): do this in apps/bff (or apps/mini) and pass the result in.',
          })),
          patterns: [
            {
              regex: '^(node:)?(fs|net|http|https|child_process|fs/promises)$',
              message: 'contracts and domain are pure (no I/O): do this in apps/bff and pass the result in.',
            },
            ONE_ENTRY_POINT,
          ],
        },
      ],
    },
  },
  {
    // The mini-program: pages never import other pages, and only the request wrapper talks HTTP.
    files: ['apps/mini/src/**/*.{ts,tsx}'],
    ignores: ['apps/mini/src/services/request.ts', '**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='Taro'][property.name='request']",
          message:
            'Only services/request.ts calls Taro.request: add a function to a file in services/ that uses it.',
        },
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [PAGE_IMPORT, ONE_ENTRY_POINT],
        },
      ],
    },
  },
  {
    // A page's own files (pages/<page>/*): `../<other>` is another page.
    files: ['apps/mini/src/pages/*/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            PAGE_IMPORT,
            { regex: '^\\.\\./[^./][^/]*(/|$)', message: PAGE_IMPORT.message },
            ONE_ENTRY_POINT,
          ],
        },
      ],
    },
  },
  {
    // Cross-app tests use the BFF's public entry point or its documented test support, not its internals.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: 'apps/bff/src/(?!test-support$).+',
              message:
                'test/ imports apps/bff/src (the public entry point) or apps/bff/src/test-support: export what the test needs from there.',
            },
          ],
        },
      ],
    },
  },
  {
    // Build scripts, CLIs and config files are Node programs that print by design.
    files: [
      'config/**/*.{js,mjs,cjs}',
      '**/scripts/**',
      '**/*.config.{js,ts}',
      '**/cli.ts',
      '**/bench/**',
      'apps/bff/src/main.ts',
    ],
    rules: { 'no-console': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
