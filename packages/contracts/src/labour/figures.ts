import { z } from 'zod';
import { objectIdSchema } from '../common';

const count = z.number().int();
/**
 * `headcount` and `filled` count the places of live vacancies (open or full) only, so filled never
 * exceeds headcount; a withdrawn vacancy's hires stay in `hires`.
 */
const groupCounts = { open: count, headcount: count, filled: count, applications: count };

/** 人社局's and the command's picture of 用工缺口 (seed 002 §二: 动态空岗信息库). */
export const labourFiguresSchema = z.object({
  vacancies: z.object({
    open: count,
    full: count,
    withdrawn: count,
    stale: count,
    /** Places of live vacancies (open or full), and how many of those are filled. */
    headcount: count,
    filled: count,
  }),
  seekers: count,
  applications: count,
  offers: count,
  hires: count,
  arrivals: count,
  /** The county's name from GB/T 2260 beside its code ('' for a code the division data lacks). */
  byRegion: z.array(z.object({ regionCode: z.string(), regionName: z.string(), ...groupCounts })),
  byIndustry: z.array(z.object({ industry: z.string(), ...groupCounts })),
  /** 规上 and 规下 firms' vacancies ('' for a firm the registry no longer has). */
  bySize: z.array(z.object({ size: z.string(), firms: count, open: count, headcount: count, filled: count })),
  /**
   * 重点企业: the firms a 复工管家 is stationed at (seed 002 §七, 派驻重点企业联络员), and how many
   * people they still lack.
   */
  keyFirms: z.object({ firms: count, lacking: count, gap: count }),
  byDay: z.array(
    z.object({ day: z.string(), applications: count, offers: count, hires: count, arrivals: count }),
  ),
  /** Firms with the largest gap (open headcount not yet filled), 重点 then 规上 first among equals. */
  shortage: z.array(
    z.object({
      enterpriseId: objectIdSchema,
      enterpriseName: z.string(),
      size: z.string(),
      industry: z.string(),
      key: z.boolean(),
      gap: count,
    }),
  ),
});
export type LabourFigures = z.infer<typeof labourFiguresSchema>;
