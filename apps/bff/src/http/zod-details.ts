import type { ZodError } from 'zod';
import type { FieldIssue } from '@fugong/contracts';

/** Zod issues → the `details` array of a VALIDATION_ERROR: one entry per field, dotted path. */
export function zodIssuesToDetails(err: ZodError, prefix?: string): FieldIssue[] {
  return err.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return {
      path: prefix ? (path ? `${prefix}.${path}` : prefix) : path,
      message: issue.message,
      code: issue.code,
    };
  });
}
