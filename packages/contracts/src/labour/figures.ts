import { z } from 'zod';
import { objectIdSchema } from '../common';

const count = z.number().int();
const groupCounts = { open: count, headcount: count, filled: count, applications: count };

/** 人社局's and the command's picture of 用工缺口 (seed 002 §二: 动态空岗信息库). */
export const labourFiguresSchema = z.object({
  vacancies: z.object({
    open: count,
    full: count,
    withdrawn: count,
    stale: count,
    headcount: count,
    filled: count,
  }),
  seekers: count,
  applications: count,
  offers: count,
  hires: count,
  arrivals: count,
  byRegion: z.array(z.object({ regionCode: z.string(), ...groupCounts })),
  byIndustry: z.array(z.object({ industry: z.string(), ...groupCounts })),
  byDay: z.array(
    z.object({ day: z.string(), applications: count, offers: count, hires: count, arrivals: count }),
  ),
  /** Firms with the largest gap (open headcount not yet filled), 规上 and 重点 first among equals. */
  shortage: z.array(
    z.object({
      enterpriseId: objectIdSchema,
      enterpriseName: z.string(),
      size: z.string(),
      industry: z.string(),
      gap: count,
    }),
  ),
});
export type LabourFigures = z.infer<typeof labourFiguresSchema>;
