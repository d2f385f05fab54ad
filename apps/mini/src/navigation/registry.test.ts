import fs from 'node:fs';
import path from 'node:path';
import { SHARED_PAGES } from '@fugong/contracts';
import { PAGES } from './index';

const SRC = path.resolve(__dirname, '..');

/** app.config.ts as Taro reads it (defineAppConfig is a build-time global). */
function appConfig(env: 'weapp' | 'h5') {
  const g = globalThis as { defineAppConfig?: (c: unknown) => unknown };
  g.defineAppConfig = (c) => c;
  const previous = process.env.TARO_ENV;
  process.env.TARO_ENV = env;
  try {
    let config: unknown;
    jest.isolateModules(() => {
      // Re-evaluated per TARO_ENV: the weapp-only keys are chosen when the module runs.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      config = (require('../app.config') as { default: unknown }).default;
    });
    return config as {
      pages: string[];
      subPackages: { root: string; pages: string[] }[];
      preloadRule?: Record<string, { packages: string[] }>;
      lazyCodeLoading?: string;
      __usePrivacyCheck__?: boolean;
    };
  } finally {
    process.env.TARO_ENV = previous;
    delete g.defineAppConfig;
  }
}

/** The folder of the page a source file belongs to, or null outside pages. */
function pageFolderOf(file: string): string | null {
  const rel = path.relative(SRC, file).split(path.sep).join('/');
  const m = /^((?:[a-z-]+\/)?pages\/[^/]+)\//.exec(rel);
  return m ? m[1] : null;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

describe('page registry and package layout', () => {
  it('when app.config.ts lists pages and subpackages, then PAGES names exactly those routes', () => {
    const config = appConfig('weapp');
    const routes = [
      ...config.pages,
      ...config.subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`)),
    ].map((r) => `/${r}`);
    expect([...Object.values(PAGES)].sort()).toEqual(routes.sort());
    for (const route of routes) expect(fs.existsSync(path.join(SRC, `${route}.tsx`))).toBe(true);
  });

  it('when a page folder has an index.tsx, then the registry lists it (no page left out of app.json)', () => {
    const pageFiles = sourceFiles(SRC)
      .map((file) => path.relative(SRC, file).split(path.sep).join('/'))
      .filter((rel) => /^(?:[a-z-]+\/)?pages\/[^/]+\/index\.tsx$/.test(rel))
      .map((rel) => `/${rel.replace(/\.tsx$/, '')}`);
    expect(pageFiles.length).toBeGreaterThan(0);
    expect(pageFiles.sort()).toEqual([...Object.values(PAGES)].sort());
  });

  it('when the server writes a deep link into a notice, then its page is one of PAGES', () => {
    const pages = new Set<string>(Object.values(PAGES));
    for (const page of Object.values(SHARED_PAGES)) expect(pages.has(`/${page}`)).toBe(true);
  });

  it('when built for weapp, then lazy code loading, the privacy check and a Wi-Fi preload of every subpackage are on', () => {
    const config = appConfig('weapp');
    expect(config.lazyCodeLoading).toBe('requiredComponents');
    expect(config.__usePrivacyCheck__).toBe(true);
    expect(config.preloadRule?.['pages/home/index'].packages.sort()).toEqual(
      config.subPackages.map((s) => s.root).sort(),
    );
    expect(appConfig('h5').__usePrivacyCheck__).toBeUndefined();
  });

  it('when any source file imports another file, then no page reaches into another page (weapp exports only the page)', () => {
    const crossings: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const from = pageFolderOf(file);
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from|import)\s+'(\.[^']+)'/g)) {
        const target = pageFolderOf(path.resolve(path.dirname(file), m[1]) + '/x');
        if (target && target !== from) crossings.push(`${path.relative(SRC, file)} → ${m[1]}`);
      }
    }
    expect(crossings).toEqual([]);
  });
});
