/**
 * The house boundaries are kept by `npm run lint`: each deliberately wrong import below must be
 * refused with a message that says where the code belongs, and the same import put right must
 * pass. ESLint runs in a child process (its flat config is an ES module).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

interface Case {
  name: string;
  filePath: string;
  code: string;
}

/** Lints each case as if it were the file at `filePath`; returns the messages per case. */
function lint(cases: Case[]): Record<string, string[]> {
  const script = `
    const { ESLint } = await import('eslint');
    const eslint = new ESLint({ cwd: ${JSON.stringify(ROOT)}, overrideConfigFile: 'config/eslint.config.mjs' });
    const cases = JSON.parse(process.env.LINT_CASES);
    const out = {};
    for (const c of cases) {
      const [result] = await eslint.lintText(c.code, { filePath: c.filePath });
      out[c.name] = result.messages.map((m) => (m.ruleId ?? 'parse') + ': ' + m.message);
    }
    process.stdout.write(JSON.stringify(out));
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    env: { ...process.env, LINT_CASES: JSON.stringify(cases) },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`eslint did not run: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, string[]>;
}

const bff = (rel: string) => path.join(ROOT, 'apps/bff/src', rel);
const mini = (rel: string) => path.join(ROOT, 'apps/mini/src', rel);

describe('npm run lint keeps the module boundaries', () => {
  let results: Record<string, string[]>;
  beforeAll(() => {
    results = lint([
      {
        name: 'service imports a model',
        filePath: bff('modules/trips/trip.service.ts'),
        code: "import { tripModel } from './trip.model';\nexport const m = tripModel;\n",
      },
      {
        name: "helper imports a model's stored type",
        filePath: bff('modules/trips/seat-claims.ts'),
        code: "import type { TripDoc } from './trip.model';\nexport type T = TripDoc;\n",
      },
      {
        name: 'helper imports the stored type from the types file',
        filePath: bff('modules/trips/seat-claims.ts'),
        code: "import type { TripDoc } from './trip.types';\nexport type T = TripDoc;\n",
      },
      {
        name: 'service imports a record type from its repository',
        filePath: bff('modules/trips/trip.service.ts'),
        code: "import type { TripRecord } from './trip.repository';\nexport type T = TripRecord;\n",
      },
      {
        name: "service imports another module's model type",
        filePath: bff('modules/trips/trip.service.ts'),
        code: "import type { UserDoc } from '../auth/user.model';\nexport type U = UserDoc;\n",
      },
      {
        name: 'container reaches into a module with an index',
        filePath: bff('container.ts'),
        code: "import { FreightPassService } from './modules/freight-passes/freight-pass.service';\nexport const s = FreightPassService;\n",
      },
      {
        name: 'container uses the module index',
        filePath: bff('container.ts'),
        code: "import { buildFreightPasses } from './modules/freight-passes';\nexport const b = buildFreightPasses;\n",
      },
      {
        name: "service reaches into another module's files",
        filePath: bff('modules/bookings/booking.service.ts'),
        code: "import type { TripRepository } from '../trips/trip.repository';\nexport type T = TripRepository;\n",
      },
      {
        name: "service uses another module's index",
        filePath: bff('modules/bookings/booking.service.ts'),
        code: "import type { TripRepository } from '../trips';\nexport type T = TripRepository;\n",
      },
      {
        name: 'service reaches into the auth module',
        filePath: bff('modules/profile/profile.service.ts'),
        code: "import type { AuthService } from '../auth/auth.service';\nexport type A = AuthService;\n",
      },
      {
        name: 'service uses the sign-in actor (apps/bff/src/auth, not the auth module)',
        filePath: bff('modules/profile/profile.service.ts'),
        code: "import type { Actor } from '../../auth/actor';\nexport type A = Actor;\n",
      },
      {
        name: 'route pipeline reaches into a module',
        filePath: bff('http/mount.ts'),
        code: "import type { RateLimiter } from '../modules/rate-limits/rate-limits';\nexport type R = RateLimiter;\n",
      },
      {
        name: "repository reaches into another module's service",
        filePath: bff('modules/profile/profile.repository.ts'),
        code: "import type { AuthService } from '../auth/auth.service';\nexport type A = AuthService;\n",
      },
      {
        name: 'dev script reaches into a module',
        filePath: bff('dev/seed-demo.ts'),
        code: "import { EnterpriseService } from '../modules/enterprises/enterprise.service';\nexport const s = EnterpriseService;\n",
      },
      {
        name: 'repository imports from the HTTP layer',
        filePath: bff('modules/trips/trip.repository.ts'),
        code: "import { jsonBody } from '../../http/json-body';\nexport const j = jsonBody;\n",
      },
      {
        name: 'repository throws the domain error',
        filePath: bff('modules/trips/trip.repository.ts'),
        code: "import { DomainError } from '../../errors';\nexport const e = DomainError;\n",
      },
      {
        name: 'service imports koa',
        filePath: bff('modules/trips/trip.service.ts'),
        code: "import type { Context } from 'koa';\nexport type C = Context;\n",
      },
      {
        name: 'domain rule opens a file',
        filePath: path.join(ROOT, 'packages/domain/src/pass/pass-rule.ts'),
        code: "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
      },
      {
        name: "deep import of a package's file",
        filePath: bff('modules/trips/trip.service.ts'),
        code: "import { tripSchema } from '@fugong/contracts/src/worker';\nexport const t = tripSchema;\n",
      },
      {
        name: 'page imports another page',
        filePath: mini('pages/booking/index.tsx'),
        code: "import TripDetail from '../trip-detail/index';\nexport default TripDetail;\n",
      },
      {
        name: 'component imports a page',
        filePath: mini('components/booking-card.tsx'),
        code: "import Pass from '../pages/pass/index';\nexport default Pass;\n",
      },
      {
        name: 'page imports a component',
        filePath: mini('pages/booking/index.tsx'),
        code: "import { Chips } from '../../components';\nexport default Chips;\n",
      },
      {
        name: 'page calls Taro.request',
        filePath: mini('pages/booking/index.tsx'),
        code: "import Taro from '@tarojs/taro';\nexport const go = () => Taro.request({ url: '/api/trips' });\n",
      },
    ]);
  }, 150_000);

  const refused = (name: string, rule: string, says: RegExp) => {
    const messages = results[name];
    expect(messages.filter((m) => m.startsWith(rule))).toEqual([expect.stringMatching(says)]);
  };

  it('refuses a model import outside repositories, and names the repository as the way', () => {
    refused('service imports a model', '@typescript-eslint/no-restricted-imports', /XRepository\.on\(conn\)/);
    refused(
      "service imports another module's model type",
      '@typescript-eslint/no-restricted-imports',
      /index\.ts or a narrow interface/,
    );
    refused(
      "helper imports a model's stored type",
      '@typescript-eslint/no-restricted-imports',
      /Only repositories import models \(their types too\)/,
    );
    expect(results['helper imports the stored type from the types file']).toEqual([]);
    expect(results['service imports a record type from its repository']).toEqual([]);
  });

  it("refuses reaching past a module's index.ts, and accepts the index", () => {
    refused(
      'container reaches into a module with an index',
      '@typescript-eslint/no-restricted-imports',
      /index\.ts/,
    );
    expect(results['container uses the module index']).toEqual([]);
    refused(
      "service reaches into another module's files",
      '@typescript-eslint/no-restricted-imports',
      /index\.ts/,
    );
    expect(results["service uses another module's index"]).toEqual([]);
    refused('dev script reaches into a module', '@typescript-eslint/no-restricted-imports', /index\.ts/);
    refused('service reaches into the auth module', '@typescript-eslint/no-restricted-imports', /index\.ts/);
    expect(results['service uses the sign-in actor (apps/bff/src/auth, not the auth module)']).toEqual([]);
    refused('route pipeline reaches into a module', '@typescript-eslint/no-restricted-imports', /index\.ts/);
    refused(
      "repository reaches into another module's service",
      '@typescript-eslint/no-restricted-imports',
      /index\.ts/,
    );
  });

  it('keeps HTTP out of repositories, which throw the domain error instead', () => {
    refused(
      'repository imports from the HTTP layer',
      '@typescript-eslint/no-restricted-imports',
      /know nothing of HTTP/,
    );
    expect(results['repository throws the domain error']).toEqual([]);
  });

  it('keeps Koa out of services and I/O out of the domain package', () => {
    refused('service imports koa', '@typescript-eslint/no-restricted-imports', /never see Koa/);
    refused('domain rule opens a file', '@typescript-eslint/no-restricted-imports', /pure \(no I\/O\)/);
    refused("deep import of a package's file", '@typescript-eslint/no-restricted-imports', /one entry point/);
  });

  it('refuses a page importing a page (from a page or a component), and accepts components', () => {
    refused(
      'page imports another page',
      '@typescript-eslint/no-restricted-imports',
      /Pages never import pages/,
    );
    refused(
      'component imports a page',
      '@typescript-eslint/no-restricted-imports',
      /Pages never import pages/,
    );
    expect(results['page imports a component']).toEqual([]);
  });

  it('refuses Taro.request outside the request wrapper', () => {
    refused('page calls Taro.request', 'no-restricted-syntax', /services\/request\.ts/);
  });
});

describe('npm run lint refuses import cycles', () => {
  it('names the files of a value cycle, and of a cycle of type-only imports too', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cycles-'));
    try {
      mkdirSync(path.join(dir, 'value'));
      writeFileSync(path.join(dir, 'value/a.ts'), "import { b } from './b';\nexport const a = () => b;\n");
      writeFileSync(path.join(dir, 'value/b.ts'), "import { a } from './a';\nexport const b = () => a;\n");
      mkdirSync(path.join(dir, 'types'));
      writeFileSync(
        path.join(dir, 'types/c.ts'),
        "import type { D } from './d';\nexport interface C { d: D }\n",
      );
      writeFileSync(
        path.join(dir, 'types/d.ts'),
        "import { type C } from './c';\nexport interface D { c: C }\n",
      );
      const check = (sub: string) =>
        spawnSync(process.execPath, ['config/scripts/check-cycles.js', path.join(dir, sub)], {
          cwd: ROOT,
          encoding: 'utf8',
        });
      const value = check('value');
      expect(value.status).toBe(1);
      expect(value.stderr).toMatch(/import cycle:[\s\S]*value\/a\.ts[\s\S]*value\/b\.ts/);
      const types = check('types');
      expect(types.status).toBe(1);
      expect(types.stderr).toMatch(/type-only import cycle:[\s\S]*types\/c\.ts[\s\S]*types\/d\.ts/);
      mkdirSync(path.join(dir, 'apart'));
      writeFileSync(
        path.join(dir, 'apart/e.ts'),
        "import type { C } from '../types/c';\nexport type E = C;\n",
      );
      const apart = check('apart');
      expect(apart.status).toBe(0);
      expect(apart.stdout).toMatch(/no import cycles in 1 files/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
