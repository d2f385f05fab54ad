import type { Chunk, Compilation, Compiler, Module } from 'webpack';

/**
 * H5: asks the browser, from index.html, for the first screen's page chunks (home, and login,
 * where a signed-out person is sent) with <link rel="preload">. Without it they are requested
 * only after app.js has arrived and run, one round trip after another; on 3G (400 ms) that chain
 * is seconds. The files are found by the page modules they hold, so hashed names need no list.
 * A failure here leaves index.html as it was: a missing hint is slower, never broken.
 */
export class PreloadFirstScreen {
  constructor(private readonly pages: readonly string[]) {}

  apply(compiler: Compiler): void {
    // The html-webpack-plugin instance Taro uses: its hooks are per module instance.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- resolved next to Taro's runner
    const HtmlWebpackPlugin = require(
      require.resolve('html-webpack-plugin', { paths: [require.resolve('@tarojs/webpack5-runner')] }),
    ) as HtmlPluginStatic;
    compiler.hooks.compilation.tap('PreloadFirstScreen', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('PreloadFirstScreen', (data) => {
        try {
          const publicPath = String(compilation.outputOptions.publicPath ?? '/');
          for (const file of this.filesOf(compilation)) {
            const as = file.endsWith('.css') ? 'style' : file.endsWith('.js') ? 'script' : null;
            if (!as) continue;
            data.headTags.push({
              tagName: 'link',
              voidTag: true,
              meta: { plugin: 'PreloadFirstScreen' },
              attributes: { rel: 'preload', as, href: `${publicPath}${file}` },
            });
          }
        } catch {
          // See the class comment: no hint rather than no build.
        }
        return data;
      });
    });
  }

  /** Every file of the chunk groups that hold one of the pages (the page and its shared chunks). */
  private filesOf(compilation: Compilation): Set<string> {
    const holds = (m: Module) => {
      const name = (m.nameForCondition() ?? '').replace(/\\/g, '/');
      return this.pages.some((page) => name.includes(page));
    };
    const files = new Set<string>();
    for (const chunk of compilation.chunks) {
      if (chunk.canBeInitial()) continue;
      if (!compilation.chunkGraph.getChunkModules(chunk).some(holds)) continue;
      for (const group of chunk.groupsIterable)
        for (const sibling of group.chunks as Chunk[]) for (const file of sibling.files) files.add(file);
    }
    return files;
  }
}

interface HtmlTag {
  tagName: string;
  voidTag: boolean;
  meta: Record<string, unknown>;
  attributes: Record<string, string>;
}

interface HtmlPluginStatic {
  getHooks(compilation: Compilation): {
    alterAssetTagGroups: {
      tap(name: string, fn: (data: { headTags: HtmlTag[] }) => { headTags: HtmlTag[] }): void;
    };
  };
}
