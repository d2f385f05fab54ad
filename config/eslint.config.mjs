// One flat ESLint config for the whole repository (`npm run lint`).
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** Pages never import pages (from anywhere: pages/x, ../pages/x, ../../pages/x). */
const PAGE_IMPORT = {
  regex: '(^|/)pages/[^/]+/',
  message:
    'Pages never import pages: move what both need to components/ (UI), hooks/ (state) or services/ (data).',
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
 * Every BFF module (apps/bff/src/modules/*), each with an index.ts. A new module is added here,
 * and is then used only through its index.
 */
const MODULES_WITH_INDEX = [
  'alerts',
  'assignments',
  'audit-log',
  'auth',
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
  'rate-limits',
  'regions',
  'reopening',
  'rollups',
  'sms',
  'stewards',
  'subsidies',
  'supply-chain',
  'system',
  'sweep-failures',
  'trips',
  'visits',
  'wechat',
];

/**
 * A module is used only through its index.ts. `../../auth/` from a module file is
 * apps/bff/src/auth (the sign-in middleware), not the auth module, so the bare `../<name>/` form
 * names a module only where `name` is not also a folder of apps/bff/src; in a module's own
 * top-level files `../auth/` is the auth module, a sibling (`sibling`).
 */
const SRC_FOLDERS_NAMED_LIKE_MODULES = ['auth'];
const INDEX_MESSAGE =
  "A module with an index.ts is used only through it: import from the module's folder, not its files.";
const MODULES = MODULES_WITH_INDEX.join('|');
const CLASHING = SRC_FOLDERS_NAMED_LIKE_MODULES.join('|');
/**
 * What may not follow a module's folder: any file but a model. A model import has rules of its
 * own (with their own message) in every layer but the repositories, which may still open another
 * module's model: one transaction spans modules' collections (the account merge) and two
 * repositories keep their own queries on one collection (the profile's and the staff's on users).
 */
const PAST_INDEX_FILE = '(?!.*\\.model$).+';
const pastModuleIndex = (sibling) => ({
  regex:
    `^((\\.\\./)+modules/|\\./modules/)(${MODULES})/${PAST_INDEX_FILE}` +
    `|^(\\.\\./)+(?!(${CLASHING})/)(${MODULES})/${PAST_INDEX_FILE}` +
    (sibling ? `|^\\.\\./(${CLASHING})/${PAST_INDEX_FILE}` : ''),
  message: INDEX_MESSAGE,
});
/** Files the model rule leaves alone: the models' own layer, tests and test support, and the demo-city generator (it inserts stored shapes in bulk). */
const BEYOND_MODEL_RULE = [
  '**/*.repository.ts',
  '**/*.model.ts',
  '**/*.test.ts',
  'apps/bff/src/test-support/**',
  '**/testing/**',
  'apps/bff/src/dev/generator/**',
];
const MODEL_PATTERNS = [
  {
    regex: '^\\./(.*/)?[^/]+\\.model$',
    message:
      "Only repositories import models (their types too): build the repository with XRepository.on(conn) and take record types from the repository, or from the module's *.types.ts when a repository's helper needs the stored shape.",
  },
  {
    regex: '^\\.\\./(.*/)?[^/]+\\.model$',
    message:
      "Another module's model is its own business: use that module's index.ts or a narrow interface passed in by container.ts.",
  },
];
const NO_HTTP_IN_REPOSITORIES = {
  regex: '^(\\.\\./)+http/',
  message:
    'Repositories know nothing of HTTP: throw a DomainError from apps/bff/src/errors.ts; the error middleware maps its code to a status.',
};
const NO_MODEL_IN_ROUTES = {
  regex: '^\\.{1,2}/(.*/)?[^/]+\\.model$',
  message: 'Routes call services; only repositories import models.',
};
/** A module's own top-level files, where `../<name>/` is a sibling module. */
const MODULE_TOP_FILES = 'apps/bff/src/modules/*/*.ts';

/**
 * The import rule of a BFF layer, with the module-index rule added to its own patterns (a later
 * config block replaces a rule's options, so each layer carries it); `inModule` adds the sibling
 * form that only a module's top-level files can use.
 */
function bffImports({ paths = [], patterns }, inModule = false) {
  const index = pastModuleIndex(inModule);
  return {
    '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns: [...patterns, index] }],
  };
}

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
    // `XRepository.on(conn)` and reads record types from the repository. One exception, on
    // purpose: the bulk demo-city generator (it inserts stored shapes in bulk).
    files: ['apps/bff/src/**/*.ts'],
    ignores: BEYOND_MODEL_RULE,
    rules: bffImports({ paths: [NO_KOA], patterns: [...MODEL_PATTERNS, ONE_ENTRY_POINT] }),
  },
  {
    files: [MODULE_TOP_FILES],
    ignores: BEYOND_MODEL_RULE,
    rules: bffImports({ paths: [NO_KOA], patterns: [...MODEL_PATTERNS, ONE_ENTRY_POINT] }, true),
  },
  {
    // Repositories speak the domain: a refusal is a DomainError (apps/bff/src/errors.ts); HTTP
    // (statuses, headers, Koa) belongs to routes and the one error middleware.
    files: ['apps/bff/src/**/*.repository.ts'],
    rules: bffImports({
      paths: [NO_KOA],
      patterns: [NO_HTTP_IN_REPOSITORIES, ONE_ENTRY_POINT],
      modelsOpen: true,
    }),
  },
  {
    files: [[MODULE_TOP_FILES, '**/*.repository.ts']],
    rules: bffImports({ paths: [NO_KOA], patterns: [NO_HTTP_IN_REPOSITORIES, ONE_ENTRY_POINT] }, true),
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
    rules: bffImports({ patterns: [NO_MODEL_IN_ROUTES] }),
  },
  {
    files: [[MODULE_TOP_FILES, '**/*.routes.ts']],
    rules: bffImports({ patterns: [NO_MODEL_IN_ROUTES] }, true),
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
  {
    // The H5 service worker runs in the browser's worker scope, not in Node.
    files: ['apps/mini/config/service-worker.js'],
    languageOptions: {
      globals: {
        self: 'readonly',
        caches: 'readonly',
        fetch: 'readonly',
        Request: 'readonly',
        URL: 'readonly',
      },
    },
  },
);
