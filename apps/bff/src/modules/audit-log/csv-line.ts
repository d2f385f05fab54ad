/**
 * One CSV line (CRLF, as Excel writes it). A cell that starts like a formula is neutralised so a
 * name typed as "=HYPERLINK(…)" cannot run when the auditor opens the file.
 */
export function csvLine(cells: (string | number | null)[]): string {
  return (
    cells
      .map((v) => {
        let s = v === null ? '' : String(v);
        if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
        return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
      })
      .join(',') + '\r\n'
  );
}
