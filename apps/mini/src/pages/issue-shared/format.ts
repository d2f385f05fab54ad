/** `2026-03-06T07:00:00Z` → `03-06 15:00` in China time, whatever zone the phone is set to. */
export function formatTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString();
  return `${d.slice(5, 10)} ${d.slice(11, 16)}`;
}

/** The China-time day of an ISO instant, `YYYY-MM-DD`. */
export function chinaDayOf(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
