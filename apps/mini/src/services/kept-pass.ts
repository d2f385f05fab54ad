/**
 * The worker's last pass colour, kept on the phone. The QR token lives 90 s and is useless
 * offline, but the colour is what a marshal at the coach door looks at first: without signal
 * the pass and boarding screens show this one, with the time it was read from the server.
 * Kept per person, so a phone shared in a family never shows one worker's colour to another.
 */
import type { Pass, PassToken } from '@fugong/contracts';
import { readStored, writeStored } from '../platform';
import { workerApi } from './worker-api';

const KEY_PREFIX = 'fg.lastPass.';

export interface KeptPass {
  pass: Pass;
  /** When the phone last read this colour from the server (ISO). */
  fetchedAt: string;
}

/** The colour last read for this person, or null (never read on this phone). */
export function keptPass(userId: string): KeptPass | null {
  const kept = readStored<KeptPass>(KEY_PREFIX + userId);
  return kept && typeof kept.fetchedAt === 'string' && kept.pass ? kept : null;
}

/** Fetches a fresh pass token and keeps its colour; rejects like any API call when offline. */
export async function fetchPassToken(userId: string, now = () => new Date()): Promise<PassToken> {
  const fresh = await workerApi.passToken();
  writeStored(KEY_PREFIX + userId, { pass: fresh.pass, fetchedAt: now().toISOString() } satisfies KeptPass);
  return fresh;
}
