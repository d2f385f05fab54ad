/**
 * What a person with poor eyesight would hit, measured in the page (not from screenshots): text
 * whose colour is below 4.5:1 against the background it sits on (WCAG AA), and text cut off or
 * pushed past the screen's edge. Runs inside the browser through page.evaluate.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

export interface ContrastProblem {
  text: string;
  color: string;
  background: string;
  ratio: number;
}

export interface OverflowProblem {
  text: string;
  why: string;
}

export interface Audit {
  /** Text elements looked at. */
  checked: number;
  lowContrast: ContrastProblem[];
  overflow: OverflowProblem[];
  /** Smallest font size among visible body text, px. */
  smallestFontPx: number;
}

/**
 * Audits every visible element that holds text of its own. The in-page half is plain JavaScript
 * (page-audit.browser.js): this project's type-check has no DOM library.
 */
export async function auditPage(page: Page): Promise<Audit> {
  const script = fs.readFileSync(path.join(__dirname, 'page-audit.browser.js'), 'utf8');
  return (await page.evaluate(script)) as Audit;
}
