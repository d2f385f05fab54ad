/**
 * CSV as the downloads write it (Excel-compatible: quoted where needed, CRLF lines). A cell that
 * starts like a formula (`=`, `+`, `-`, `@`, tab, CR) is neutralised with a leading `'`, so a name
 * typed as "=HYPERLINK(…)" by a firm, a caller or an importer cannot run when an official opens
 * the file.
 */
export function csvCell(v: string | number | null): string {
  let s = v === null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line with its CRLF. */
export function csvLine(cells: (string | number | null)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
