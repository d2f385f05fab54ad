import { z } from 'zod';
import { isoDateTimeSchema, isoDaySchema, objectIdSchema, regionCodeSchema } from '../common';
import { departmentCodeSchema, type DepartmentCode } from '../enterprise/department';

/** 省/市/县重点 (seed 000 三(三): 市级重点项目; seed 003's 省市重点工程). */
export const PROJECT_LEVELS = ['province', 'city', 'county'] as const;
export const projectLevelSchema = z.enum(PROJECT_LEVELS, { message: '请选择项目级别' });
export type ProjectLevel = z.infer<typeof projectLevelSchema>;
export const PROJECT_LEVEL_LABELS: Record<ProjectLevel, string> = {
  province: '省重点',
  city: '市重点',
  county: '县重点',
};

/** 外资大中项目 (三(一)), 在建工程 (seed 003's 复工率), 在谈项目 (三(一) 在手、在谈). */
export const PROJECT_KINDS = ['foreign', 'construction', 'negotiating'] as const;
export const projectKindSchema = z.enum(PROJECT_KINDS, { message: '请选择项目类型' });
export type ProjectKind = z.infer<typeof projectKindSchema>;
export const PROJECT_KIND_LABELS: Record<ProjectKind, string> = {
  foreign: '外资项目',
  construction: '在建工程',
  negotiating: '在谈项目',
};

/** 项目服务清单 kinds (seed 000 三(三)): 资源要素、金融支持、用工保障、物流运输、原料供应、前期报批. */
export const NEED_KINDS = ['resources', 'finance', 'labour', 'logistics', 'materials', 'approvals'] as const;
export const needKindSchema = z.enum(NEED_KINDS, { message: '请选择需求类别' });
export type NeedKind = z.infer<typeof needKindSchema>;
export const NEED_KIND_LABELS: Record<NeedKind, string> = {
  resources: '资源要素',
  finance: '金融支持',
  labour: '用工保障',
  logistics: '物流运输',
  materials: '原料供应',
  approvals: '前期报批',
};

/**
 * The departments 马上会办 may convene (seed 000 三(四)): 发改委、财政局、人社局、自然资源和规划局、住建局、
 * 交通局、水务局、行政审批局、金融工作服务中心 (金融办's code)、生态环境局、供电公司.
 */
export const SESSION_DEPARTMENTS = [
  'fgw',
  'czj',
  'rsj',
  'zrzyj',
  'zjj',
  'jtj',
  'slj',
  'xzspj',
  'jrb',
  'sthjj',
  'gdgs',
] as const satisfies readonly DepartmentCode[];
/** The department that keeps the key-project registry (发改委). */
export const PROJECT_REGISTRY_DEPARTMENT: DepartmentCode = 'fgw';

export const sessionDepartmentSchema = departmentCodeSchema.refine(
  (c) => (SESSION_DEPARTMENTS as readonly string[]).includes(c),
  '该部门不在马上会办成员单位中',
);

const title = (what: string, max: number) =>
  z
    .string({ message: `请填写${what}` })
    .trim()
    .min(2, `请填写${what}`)
    .max(max, `${what}不能超过 ${max} 个字`);

export const milestoneInputSchema = z
  .object({ title: title('节点名称', 40), plannedDate: isoDaySchema })
  .strict();

export const projectInputSchema = z
  .object({
    name: title('项目名称', 60),
    enterpriseId: objectIdSchema,
    level: projectLevelSchema,
    kind: projectKindSchema,
    /** 万元; up to 10 000 亿元, whole 万元. */
    investmentWan: z
      .number({ message: '请填写总投资（万元）' })
      .int('总投资按万元取整')
      .min(1, '总投资至少 1 万元')
      .max(100_000_000, '总投资超出范围'),
    regionCode: regionCodeSchema,
    /** 代办负责人 and 联络员: staff accounts (steward or officer) named per project (三(五)). */
    agentId: objectIdSchema,
    contactId: objectIdSchema,
    milestones: z.array(milestoneInputSchema).max(30, '进度节点最多 30 个').default([]),
  })
  .strict();
export type ProjectInput = z.input<typeof projectInputSchema>;

export const milestoneSchema = z.object({
  id: objectIdSchema,
  title: z.string(),
  plannedDate: z.string(),
  doneDate: z.string().nullable(),
  late: z.boolean(),
  /** Working days past the planned date (to today when still open, to the done day otherwise). */
  workingDaysLate: z.number().int(),
});
export type Milestone = z.infer<typeof milestoneSchema>;

export const projectSchema = z.object({
  id: objectIdSchema,
  name: z.string(),
  enterpriseId: objectIdSchema,
  enterpriseName: z.string(),
  level: projectLevelSchema,
  kind: projectKindSchema,
  investmentWan: z.number(),
  regionCode: z.string(),
  agent: z.object({ id: objectIdSchema, name: z.string() }),
  contact: z.object({ id: objectIdSchema, name: z.string() }),
  milestones: z.array(milestoneSchema),
  lateMilestones: z.number().int(),
  resumed: z.boolean(),
  workersOnSite: z.number().int(),
  /** Monday of the last week reported, or null before the first 周报. */
  lastReportWeek: z.string().nullable(),
  createdAt: isoDateTimeSchema,
});
export type Project = z.infer<typeof projectSchema>;

export const projectListQuerySchema = z.object({
  level: projectLevelSchema.optional(),
  regionCode: regionCodeSchema.optional(),
});

export const milestoneDoneSchema = z.object({ doneDate: isoDaySchema }).strict();

/** 周报 (三(三): 调整重点项目月报制度为周报制度). */
export const weeklyReportInputSchema = z
  .object({
    done: title('本周完成情况', 500),
    next: title('下周计划', 500),
    resumed: z.boolean({ message: '请选择是否已复工' }),
    workersOnSite: z
      .number({ message: '请填写在岗人数' })
      .int('在岗人数应为整数')
      .min(0, '在岗人数不能为负')
      .max(100_000, '在岗人数超出范围'),
  })
  .strict();

export const weeklyReportSchema = z.object({
  id: objectIdSchema,
  projectId: objectIdSchema,
  weekStart: z.string(),
  done: z.string(),
  next: z.string(),
  resumed: z.boolean(),
  workersOnSite: z.number().int(),
  reportedAt: isoDateTimeSchema,
});
export type WeeklyReport = z.infer<typeof weeklyReportSchema>;

export const NEED_STATUSES = ['open', 'dispatched', 'convened', 'resolved'] as const;
export const needStatusSchema = z.enum(NEED_STATUSES);
export type NeedStatus = z.infer<typeof needStatusSchema>;
export const NEED_STATUS_LABELS: Record<NeedStatus, string> = {
  open: '待处理',
  dispatched: '已派单',
  convened: '会办中',
  resolved: '已办结',
};

export const needInputSchema = z
  .object({ kind: needKindSchema, description: title('需求描述', 500) })
  .strict();

export const needSchema = z.object({
  id: objectIdSchema,
  projectId: objectIdSchema,
  projectName: z.string(),
  kind: needKindSchema,
  description: z.string(),
  status: needStatusSchema,
  raisedAt: isoDateTimeSchema,
  /** When it must have been dispatched or convened (working days from the report). */
  handleDueAt: isoDateTimeSchema,
  overdue: z.boolean(),
  issueId: objectIdSchema.nullable(),
  sessionId: objectIdSchema.nullable(),
});
export type ProjectNeed = z.infer<typeof needSchema>;

export const needDispatchSchema = z
  .object({
    departmentCode: departmentCodeSchema,
    urgency: z.enum(['urgent', 'normal'], { message: '请选择紧急程度' }).default('normal'),
    note: z.string().trim().max(200, '说明不能超过 200 个字').default(''),
  })
  .strict();

export const projectSessionInputSchema = z
  .object({
    needId: objectIdSchema,
    topic: title('会办议题', 100),
    departments: z
      .array(sessionDepartmentSchema)
      .min(2, '马上会办至少召集 2 个部门（单一部门请直接派单）')
      .max(SESSION_DEPARTMENTS.length, '部门重复')
      .refine((d) => new Set(d).size === d.length, '部门重复'),
  })
  .strict();

export const actionItemInputSchema = z
  .object({ departmentCode: departmentCodeSchema, task: title('任务', 200), dueDate: isoDaySchema })
  .strict();

export const decisionInputSchema = z
  .object({
    text: title('会办决定', 500),
    actionItems: z.array(actionItemInputSchema).min(1, '请至少分解一项任务').max(20, '任务最多 20 项'),
  })
  .strict();

export const ACTION_STATES = ['open', 'closed'] as const;
export const actionStateSchema = z.enum(ACTION_STATES);
export const actionItemSchema = z.object({
  id: objectIdSchema,
  sessionId: objectIdSchema,
  projectId: objectIdSchema,
  projectName: z.string(),
  departmentCode: z.string(),
  departmentName: z.string(),
  task: z.string(),
  dueAt: isoDateTimeSchema,
  state: actionStateSchema,
  overdue: z.boolean(),
  escalatedAt: isoDateTimeSchema.nullable(),
  closedAt: isoDateTimeSchema.nullable(),
  closingNote: z.string(),
});
export type ActionItem = z.infer<typeof actionItemSchema>;

export const actionCloseSchema = z.object({ note: title('办理结果', 300) }).strict();

export const projectSessionSchema = z.object({
  id: objectIdSchema,
  projectId: objectIdSchema,
  projectName: z.string(),
  needId: objectIdSchema,
  topic: z.string(),
  departments: z.array(z.object({ code: z.string(), name: z.string() })),
  status: z.enum(['open', 'closed']),
  convenedAt: isoDateTimeSchema,
  closedAt: isoDateTimeSchema.nullable(),
  decisions: z.array(z.object({ text: z.string(), at: isoDateTimeSchema })),
  actionItems: z.array(actionItemSchema),
});
export type ProjectSession = z.infer<typeof projectSessionSchema>;

const countBy = z.array(z.object({ key: z.string(), total: z.number().int(), resumed: z.number().int() }));
export const projectFiguresSchema = z.object({
  projects: z.number().int(),
  resumed: z.number().int(),
  byLevel: countBy,
  byRegion: countBy,
  milestonesLate: z.number().int(),
  needsOpen: z.number().int(),
  needsOverdue: z.number().int(),
  actionItemsOpen: z.number().int(),
  actionItemsOverdue: z.number().int(),
});
export type ProjectFigures = z.infer<typeof projectFiguresSchema>;
