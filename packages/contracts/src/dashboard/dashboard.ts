import { z } from 'zod';
import { isoDaySchema } from '../common';

/** Filters every figure of the command dashboard accepts; all optional. */
export const dashboardQuerySchema = z
  .object({
    /** A county code (330281) or a region key from `regions` (330281:阳明街道). */
    region: z
      .string()
      .trim()
      .regex(/^\d{6}(:[^~.$|]{0,20})?$/, '地区参数不正确')
      .optional(),
    industry: z.string().trim().min(1).max(40).optional(),
    size: z.enum(['above', 'below']).optional(),
    /** The day the figures are "as of" (China time); today when absent. */
    date: isoDaySchema.optional(),
    /** Days in the trend charts and in the steward window, ending at `date`. */
    days: z.coerce.number().int().min(1).max(31).default(14),
  })
  .strict();
export type DashboardQuery = z.input<typeof dashboardQuerySchema>;

/** Export: the same filters plus the file format. */
export const dashboardExportQuerySchema = dashboardQuerySchema
  .extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') })
  .strict();

const rate = z.number().nullable();
const labelled = { key: z.string(), label: z.string() };

const reopenRow = z.object({
  ...labelled,
  enterprises: z.number(),
  reopened: z.number(),
  reopenRate: rate,
  staffOnSite: z.number(),
  staffTotal: z.number(),
  returnRate: rate,
});
export type ReopenRow = z.infer<typeof reopenRow>;

const transportRow = z.object({
  ...labelled,
  trips: z.number(),
  seats: z.number(),
  booked: z.number(),
  boarded: z.number(),
  waitTickets: z.number(),
});
const issueRow = z.object({
  ...labelled,
  total: z.number(),
  open: z.number(),
  overdue: z.number(),
  answered: z.number(),
  answeredOnTime: z.number(),
  onTimeRate: rate,
  satisfaction: rate,
});
const healthRow = z.object({
  ...labelled,
  checkins: z.number(),
  abnormalTemp: z.number(),
  nonGreen: z.number(),
});
const categoryRow = z.object({ ...labelled, enterprises: z.number(), issues: z.number() });

/** Everything the 指挥部 page shows, computed from rollups (never from raw check-ins or bookings). */
export const dashboardSummarySchema = z.object({
  asOf: isoDaySchema,
  days: z.number(),
  filter: z.object({
    region: z.string().nullable(),
    industry: z.string().nullable(),
    size: z.enum(['above', 'below']).nullable(),
  }),
  /** Choices for the filter pickers. */
  choices: z.object({ regions: z.array(z.object(labelled)), industries: z.array(z.string()) }),
  reopening: z.object({
    enterprises: z.number(),
    reported: z.number(),
    reopened: z.number(),
    reopenRate: rate,
    headcount: z.number(),
    staffOnSite: z.number(),
    staffTotal: z.number(),
    returnRate: rate,
    byRegion: z.array(reopenRow),
    byIndustry: z.array(reopenRow),
    bySize: z.array(reopenRow),
    trend: z.array(reopenRow),
  }),
  transport: z.object({
    trips: z.number(),
    seats: z.number(),
    booked: z.number(),
    boarded: z.number(),
    waitTickets: z.number(),
    byProvince: z.array(transportRow),
    trend: z.array(transportRow),
  }),
  issues: z.object({
    total: z.number(),
    open: z.number(),
    overdue: z.number(),
    answered: z.number(),
    answeredOnTime: z.number(),
    onTimeRate: rate,
    rated: z.number(),
    satisfaction: rate,
    byCategory: z.array(issueRow),
    byDepartment: z.array(issueRow),
    /** 共性问题: categories open at several enterprises at once, most widespread first. */
    common: z.array(categoryRow),
  }),
  stewards: z.object({
    assignedEnterprises: z.number(),
    notVisited7d: z.number(),
    visits: z.number(),
    activeStewards: z.number(),
    visitsPerSteward: z.array(
      z.object({ stewardId: z.string(), name: z.string().nullable(), visits: z.number() }),
    ),
    callbacks: z.object({ calls: z.number(), reached: z.number(), rated: z.number(), satisfaction: rate }),
    lowRated: z.array(
      z.object({
        stewardId: z.string(),
        name: z.string().nullable(),
        rated: z.number(),
        satisfaction: z.number(),
      }),
    ),
  }),
  health: z.object({
    checkins: z.number(),
    abnormalTemp: z.number(),
    nonGreen: z.number(),
    byRegion: z.array(healthRow),
    trend: z.array(healthRow),
  }),
  /** For enterprises not yet reopened: the categories of their open issues. */
  whyNotReopened: z.object({
    closedEnterprises: z.number(),
    blockedEnterprises: z.number(),
    byCategory: z.array(categoryRow),
  }),
});
export type DashboardSummary = z.infer<typeof dashboardSummarySchema>;

/** One difference the rebuild found between stored counters and a recount from raw data. */
export const rollupDriftSchema = z.object({
  doc: z.string(),
  field: z.string(),
  metric: z.string(),
  stored: z.number(),
  recount: z.number(),
});

/** What a rollup rebuild reports. */
export const rollupRebuildReportSchema = z.object({
  documents: z.number(),
  ledgers: z.number(),
  driftCount: z.number(),
  /** The first differences (at most 200). */
  drift: z.array(rollupDriftSchema),
  tookMs: z.number(),
});
export type RollupRebuildReport = z.infer<typeof rollupRebuildReportSchema>;
