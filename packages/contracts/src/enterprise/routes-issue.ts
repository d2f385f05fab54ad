import { z } from 'zod';
import { defineRoute } from '../route';
import { objectIdSchema, pagedSchema } from '../common';
import { idParamsSchema } from './enterprise';
import { departmentSchema } from './department';
import {
  acceptIssueSchema,
  answerIssueSchema,
  attachmentSchema,
  attachmentUploadSchema,
  commonAnswerResultSchema,
  commonAnswerSchema,
  commonProblemsSchema,
  confirmIssueSchema,
  dispatchIssueSchema,
  issueDetailSchema,
  issueInputSchema,
  issueListQuerySchema,
  issueSchema,
  reopenIssueSchema,
  sweepResultSchema,
  transferIssueSchema,
} from './issue';
import {
  assignStewardSchema,
  assignmentHistorySchema,
  assignmentSchema,
  callbackInputSchema,
  callbackSchema,
  stewardAttentionSchema,
  stewardEnterprisesSchema,
  visitInputSchema,
  visitSchema,
} from './steward';

const tag = 'issues';
const action = <B extends z.ZodType>(name: string, summary: string, body: B) =>
  defineRoute({ id: `issues.${name}`, method: 'post', path: `/api/issues/:id/${name}`, summary, tag, auth: 'user', params: idParamsSchema, body, response: issueDetailSchema });

/** Issues (申报 → 派单 → 答复 → 确认), attachments, departments, stewards, visits and call-backs. */
export const issueRoutes = {
  departments: defineRoute({ id: 'departments.list', method: 'get', path: '/api/departments', summary: '办理部门列表', tag, auth: 'user', response: z.object({ items: z.array(departmentSchema) }) }),
  attachmentUpload: defineRoute({ id: 'attachments.upload', method: 'post', path: '/api/attachments', summary: '上传问题图片（JPG/PNG）', tag, auth: 'user', body: attachmentUploadSchema, response: attachmentSchema, status: 201 }),
  attachmentGet: defineRoute({ id: 'attachments.get', method: 'get', path: '/api/attachments/:id', summary: '查看问题图片', tag, auth: 'user', params: idParamsSchema, response: z.unknown(), produces: 'image/*' }),
  common: defineRoute({ id: 'issues.common', method: 'get', path: '/api/issues/common', summary: '共性问题（同类问题跨多家企业）', tag, auth: 'user', query: z.object({ minEnterprises: z.coerce.number().int().min(2).max(100).default(3) }), response: commonProblemsSchema }),
  commonAnswer: defineRoute({ id: 'issues.commonAnswer', method: 'post', path: '/api/issues/common/answer', summary: '以一条政策答复一批共性问题', tag, auth: 'user', body: commonAnswerSchema, response: commonAnswerResultSchema }),
  sweep: defineRoute({ id: 'issues.sweep', method: 'post', path: '/api/issues/sweep', summary: '到期提醒与超期督办（定时任务也会调用）', tag, auth: 'user', response: sweepResultSchema }),
  create: defineRoute({ id: 'issues.create', method: 'post', path: '/api/issues', summary: '申报问题', tag, auth: 'user', body: issueInputSchema, response: issueDetailSchema, status: 201, idempotent: true }),
  list: defineRoute({ id: 'issues.list', method: 'get', path: '/api/issues', summary: '问题列表（按角色范围）', tag, auth: 'user', query: issueListQuerySchema, response: pagedSchema(issueSchema) }),
  get: defineRoute({ id: 'issues.get', method: 'get', path: '/api/issues/:id', summary: '问题详情与办理时间线', tag, auth: 'user', params: idParamsSchema, response: issueDetailSchema }),
  accept: action('accept', '受理', acceptIssueSchema),
  dispatch: action('dispatch', '派单到部门', dispatchIssueSchema),
  transfer: action('transfer', '转办其他部门', transferIssueSchema),
  answer: action('answer', '部门答复', answerIssueSchema),
  confirm: action('confirm', '企业确认并评价', confirmIssueSchema),
  reopen: action('reopen', '企业认为未解决，重新办理', reopenIssueSchema),
  stewardsMine: defineRoute({ id: 'stewards.mine', method: 'get', path: '/api/stewards/me/enterprises', summary: '我服务的企业（按需要程度排序）', tag: 'stewards', auth: 'user', response: stewardEnterprisesSchema }),
  stewardsAttention: defineRoute({ id: 'stewards.attention', method: 'get', path: '/api/stewards/attention', summary: '需关注的复工管家（低满意度 / 久未走访）', tag: 'stewards', auth: 'user', response: stewardAttentionSchema }),
  stewardsList: defineRoute({ id: 'stewards.list', method: 'get', path: '/api/stewards', summary: '复工管家名单', tag: 'stewards', auth: 'user', response: z.object({ items: z.array(z.object({ id: objectIdSchema, name: z.string().nullable(), enterprises: z.number().int() })) }) }),
  assign: defineRoute({ id: 'stewards.assign', method: 'post', path: '/api/steward-assignments', summary: '指派（或更换）企业的复工管家', tag: 'stewards', auth: 'user', body: assignStewardSchema, response: assignmentSchema, status: 201 }),
  assignmentHistory: defineRoute({ id: 'stewards.history', method: 'get', path: '/api/enterprises/:id/steward-assignments', summary: '企业的管家指派历史', tag: 'stewards', auth: 'user', params: idParamsSchema, response: assignmentHistorySchema }),
  visitCreate: defineRoute({ id: 'visits.create', method: 'post', path: '/api/visits', summary: '记录走访（含四个到位、七个方面检查）', tag: 'stewards', auth: 'user', body: visitInputSchema, response: visitSchema, status: 201, idempotent: true }),
  visitList: defineRoute({ id: 'visits.list', method: 'get', path: '/api/enterprises/:id/visits', summary: '企业走访记录', tag: 'stewards', auth: 'user', params: idParamsSchema, response: z.object({ items: z.array(visitSchema) }) }),
  visitGet: defineRoute({ id: 'visits.get', method: 'get', path: '/api/visits/:id', summary: '走访详情', tag: 'stewards', auth: 'user', params: idParamsSchema, response: visitSchema }),
  callbackCreate: defineRoute({ id: 'callbacks.create', method: 'post', path: '/api/callbacks', summary: '记录电话回访', tag: 'stewards', auth: 'user', body: callbackInputSchema, response: callbackSchema, status: 201, idempotent: true }),
  callbackList: defineRoute({ id: 'callbacks.list', method: 'get', path: '/api/enterprises/:id/callbacks', summary: '企业的电话回访记录', tag: 'stewards', auth: 'user', params: idParamsSchema, response: z.object({ items: z.array(callbackSchema) }) }),
};
