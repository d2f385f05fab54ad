import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Compiler } from 'webpack';

/** Where the worker is served: at the root, so its scope is the whole app. */
export const SERVICE_WORKER_FILE = 'sw.js';

/**
 * The files the worker precaches, from the build's own asset names: every script, style, font
 * and image the build wrote (hashed names), not source maps, licence notes, index.html (the
 * worker handles it apart) or the worker itself. Paths are as the browser asks for them.
 */
export function shellFiles(assetNames: readonly string[], publicPath = '/'): string[] {
  return assetNames
    .filter((name) => /\.(js|css|woff2?|ttf|png|jpe?g|gif|svg)$/.test(name))
    .filter((name) => name !== SERVICE_WORKER_FILE && !name.endsWith('.map'))
    .map((name) => `${publicPath}${name}`)
    .sort();
}

/**
 * The cache version: changes whenever any shell file or index.html does, so a release gets a
 * cache of its own and the worker drops the old one on activate.
 */
export function shellVersion(files: readonly string[], indexHtml: string): string {
  return createHash('sha256').update(files.join('\n')).update(indexHtml).digest('hex').slice(0, 16);
}

/**
 * H5 production builds: writes sw.js, the hand-written worker (service-worker.js) headed by
 * this build's version and shell list. Runs once every other asset exists (REPORT stage), so
 * the list is the build's real output and index.html is final.
 */
export class ServiceWorkerManifest {
  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack;
    const worker = fs.readFileSync(path.join(__dirname, 'service-worker.js'), 'utf8');
    compiler.hooks.thisCompilation.tap('ServiceWorkerManifest', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'ServiceWorkerManifest', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          const publicPath = String(compilation.outputOptions.publicPath ?? '/');
          const files = shellFiles(Object.keys(assets), publicPath);
          const index = assets['index.html']?.source().toString() ?? '';
          const shell = { version: shellVersion(files, index), files };
          compilation.emitAsset(
            SERVICE_WORKER_FILE,
            new sources.RawSource(`const SHELL = ${JSON.stringify(shell)};\n${worker}`),
          );
        },
      );
    });
  }
}
