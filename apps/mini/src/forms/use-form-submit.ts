import { useCallback, useState } from 'react';
import type { ZodType } from 'zod';
import { fieldErrorsFromApiError, fieldErrorsFromIssues, type FieldErrors } from './field-errors';
import { useSubmissionKey } from './use-submission-key';

/**
 * The submit path every form shares: validate with the contract's schema (field errors shown
 * at once, nothing sent), send with an idempotency key that survives a retry after an unknown
 * outcome, and turn a refusal into field errors plus one form-level message.
 */
export function useFormSubmit() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);
  const { keyFor, settle } = useSubmissionKey();

  const submit = useCallback(
    async <T, R>(
      schema: ZodType<T>,
      candidate: unknown,
      send: (data: T, idempotencyKey: string) => Promise<R>,
      onSuccess: (result: R) => void,
    ): Promise<void> => {
      const parsed = schema.safeParse(candidate);
      if (!parsed.success) {
        setErrors(fieldErrorsFromIssues(parsed.error.issues));
        return;
      }
      setErrors({});
      setSending(true);
      try {
        const result = await send(parsed.data, keyFor(parsed.data));
        settle();
        onSuccess(result);
      } catch (error) {
        settle(error);
        setErrors({ ...fieldErrorsFromApiError(error), form: (error as Error).message });
      } finally {
        setSending(false);
      }
    },
    [keyFor, settle],
  );

  return { errors, setErrors, sending, submit };
}
