import { useCallback, useEffect, useState } from 'react';
import type { BoardingToken } from '@fugong/contracts';
import { isOfflineError } from '../services/api-error';
import { fetchBoardingCode, keptBoardingCode } from '../services/boarding-codes';

export interface BoardingCodeState {
  code: BoardingToken | null;
  /** True when the code shown is the kept one because no fresh one could be had (no signal). */
  offline: boolean;
  /** The server's refusal (e.g. still waitlisted, window over), when it answered. */
  error: string | null;
  loading: boolean;
}

/**
 * A booking's offline boarding code: fetched fresh when possible, else the one kept on the
 * phone, marked as such. A refusal from the server (cancelled, boarded) hides the kept one.
 */
export function useBoardingCode(bookingId: string | undefined): BoardingCodeState & { refresh: () => void } {
  const [state, setState] = useState<BoardingCodeState>(() => ({
    code: bookingId ? keptBoardingCode(bookingId) : null,
    offline: false,
    error: null,
    loading: Boolean(bookingId),
  }));
  const refresh = useCallback(() => {
    if (!bookingId) return;
    setState((s) => ({ ...s, loading: true }));
    fetchBoardingCode(bookingId).then(
      (code) => setState({ code, offline: false, error: null, loading: false }),
      (e: unknown) =>
        setState(
          isOfflineError(e)
            ? { code: keptBoardingCode(bookingId), offline: true, error: null, loading: false }
            : { code: null, offline: false, error: (e as Error).message, loading: false },
        ),
    );
  }, [bookingId]);
  useEffect(refresh, [refresh]);
  return { ...state, refresh };
}
