import type { Compiler } from 'webpack';
import { FailOnMissingExports, isMissingExport } from './fail-on-warnings';

/** Runs the plugin's afterCompile step on a compilation with these warnings. */
function compileWith(warnings: { name: string; message: string }[]) {
  const compilation = { warnings: [...warnings], errors: [] as unknown[] };
  let afterCompile: ((c: typeof compilation) => void) | undefined;
  const compiler = {
    hooks: { afterCompile: { tap: (_: string, fn: typeof afterCompile) => (afterCompile = fn) } },
  };
  new FailOnMissingExports().apply(compiler as unknown as Compiler);
  afterCompile!(compilation);
  return compilation;
}

describe('weapp build: missing exports fail the build', () => {
  it("when a page imports a name another page file does not export, then webpack's warning becomes an error", () => {
    const missing = {
      name: 'ModuleDependencyWarning',
      message:
        "export 'TripRow' (imported as 'TripRow') was not found in '../trips' (possible exports: default)",
    };
    const other = { name: 'AssetsOverSizeLimitWarning', message: 'asset size limit' };
    const compilation = compileWith([missing, other]);
    expect(compilation.errors).toEqual([missing]);
    expect(compilation.warnings).toEqual([other]);
  });

  it('when a re-export is missing, then it counts too; size warnings do not', () => {
    expect(isMissingExport({ message: "export 'X' (reexported as 'Y') was not found in './z'" })).toBe(true);
    expect(isMissingExport({ name: 'AssetsOverSizeLimitWarning', message: 'big' })).toBe(false);
  });
});
