/**
 * Field errors keyed by field name, from either side: the contracts' zod schemas on the phone,
 * or a VALIDATION_ERROR from the server (same schemas, so the same messages).
 */
import { ApiError } from '../services/api-error';

export type FieldErrors = Partial<Record<string, string>>;

interface IssueLike {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

/** First message per top-level field from a zod `safeParse` failure. */
export function fieldErrorsFromIssues(issues: ReadonlyArray<IssueLike>): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    if (errors[field] === undefined) errors[field] = issue.message;
  }
  return errors;
}

/** First message per top-level field of a server VALIDATION_ERROR (`details[].path` is dotted). */
export function fieldErrorsFromApiError(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  return fieldErrorsFromIssues(
    error.fieldIssues.map((issue) => ({ path: issue.path.split('.'), message: issue.message })),
  );
}

/**
 * The form-level message, unless it is one already shown beside a field (a refusal naming a field
 * arrives as both): the form line is for what no field shows.
 */
export function formOnlyError(errors: FieldErrors): string | null {
  const form = errors.form;
  if (!form) return null;
  return Object.entries(errors).some(([k, m]) => k !== 'form' && m === form) ? null : form;
}
