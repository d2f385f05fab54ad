import type { UserConfigExport } from '@tarojs/cli';

/** Local development: readable output, full build log. */
export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
