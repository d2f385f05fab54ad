import type { Compiler, WebpackError } from 'webpack';

/**
 * Turns the warnings that mean "this import is undefined at run time" into build errors. In the
 * weapp build a page file exports only its page, so `import { X } from '../other-page'` compiles
 * with a mere ModuleDependencyWarning and crashes in WeChat; webpack names the same failure
 * "export 'X' … was not found" for a re-export or a missing module member. With
 * `compiler.errorLevel: 1` Taro exits non-zero on any error, so CI stops here.
 */
export class FailOnMissingExports {
  apply(compiler: Compiler): void {
    compiler.hooks.afterCompile.tap('FailOnMissingExports', (compilation) => {
      const fatal: WebpackError[] = [];
      const kept: WebpackError[] = [];
      for (const warning of compilation.warnings) {
        if (isMissingExport(warning)) fatal.push(warning);
        else kept.push(warning);
      }
      if (fatal.length === 0) return;
      compilation.warnings.splice(0, compilation.warnings.length, ...kept);
      compilation.errors.push(...fatal);
    });
  }
}

/** True for a warning that leaves a binding undefined at run time. */
export function isMissingExport(warning: { name?: string; message?: string }): boolean {
  return (
    warning.name === 'ModuleDependencyWarning' ||
    /export '[^']*' \([^)]*\) was not found/.test(warning.message ?? '')
  );
}
