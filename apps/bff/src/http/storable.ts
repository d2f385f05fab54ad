import type { ZodType } from 'zod';
import { DomainError } from '../errors';
import { zodIssuesToDetails } from './zod-details';

/**
 * Refuses a write whose record, as it will be read back, would not satisfy the schema its
 * readers parse it with. Run before storing: a record the system cannot read back would break
 * every view that shows it (the pass, a trip list, the dashboard) long after this request.
 * The caller's input built the record, so the refusal is a 400 naming the fields.
 */
export function assertStorable<T>(schema: ZodType, view: T): T {
  const parsed = schema.safeParse(view);
  if (!parsed.success)
    throw new DomainError(
      'VALIDATION_ERROR',
      '提交的内容无法保存：其中的日期或数值不合理',
      zodIssuesToDetails(parsed.error),
    );
  return view;
}
