import { z } from 'zod';

export const healthSchema = z.object({ status: z.literal('ok'), uptimeSec: z.number() });
export const readySchema = z.object({
  status: z.enum(['ready', 'unready']),
  database: z.enum(['up', 'down']),
});
