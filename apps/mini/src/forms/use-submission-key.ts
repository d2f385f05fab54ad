import { useCallback, useRef } from 'react';
import { newRequestId } from '../platform';
import { isOutcomeUnknown } from '../services/api-error';

/**
 * Idempotency keys for one form. Re-submitting the same content after an unknown outcome
 * (no signal, gateway timeout) reuses the key, so the server cannot act twice; any settled
 * answer, or changed content, starts a new key — otherwise the server would replay an old
 * answer (e.g. a rate-limit error) to a genuinely new request.
 */
export function useSubmissionKey(): {
  keyFor: (payload: unknown) => string;
  settle: (error?: unknown) => void;
} {
  const pending = useRef<{ payload: string; key: string } | null>(null);

  const keyFor = useCallback((payload: unknown) => {
    const serialised = JSON.stringify(payload);
    if (pending.current?.payload !== serialised) {
      pending.current = { payload: serialised, key: newRequestId() };
    }
    return pending.current.key;
  }, []);

  const settle = useCallback((error?: unknown) => {
    if (!isOutcomeUnknown(error)) pending.current = null;
  }, []);

  return { keyFor, settle };
}
