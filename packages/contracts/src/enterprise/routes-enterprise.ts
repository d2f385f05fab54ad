import { z } from 'zod';
import { defineRoute } from '../route';
import { isoDaySchema, objectIdSchema, pagedSchema } from '../common';
import {
  bindLiaisonResponseSchema,
  bindLiaisonSchema,
  enterpriseImportReportSchema,
  enterpriseImportSchema,
  enterpriseInputSchema,
  enterpriseListQuerySchema,
  enterpriseOverviewSchema,
  enterprisePatchSchema,
  enterpriseSchema,
  idParamsSchema,
  inviteCodeResponseSchema,
} from './enterprise';
import { reopeningHistorySchema, reopeningReportInputSchema, reopeningReportSchema } from './reopening';
import {
  charterGroupQuerySchema,
  charterGroupsSchema,
  convertChartersResultSchema,
  convertChartersSchema,
  charterListQuerySchema,
  charterRequestInputSchema,
  charterRequestSchema,
  joinCharterSchema,
} from './charter';

const tag = 'enterprises';

/** The enterprise registry, liaison binding, reopening reports and charter requests. */
export const enterpriseRoutes = {
  list: defineRoute({ id: 'enterprises.list', method: 'get', path: '/api/enterprises', summary: '企业库列表', tag, auth: 'user', query: enterpriseListQuerySchema, response: pagedSchema(enterpriseSchema) }),
  create: defineRoute({ id: 'enterprises.create', method: 'post', path: '/api/enterprises', summary: '登记企业', tag, auth: 'user', body: enterpriseInputSchema, response: enterpriseSchema, status: 201 }),
  import: defineRoute({ id: 'enterprises.import', method: 'post', path: '/api/enterprises/import', summary: '批量导入企业（xlsx/CSV），逐行报告', tag, auth: 'user', body: enterpriseImportSchema, response: enterpriseImportReportSchema }),
  bind: defineRoute({ id: 'enterprises.bind', method: 'post', path: '/api/enterprises/bind', summary: '联络员凭邀请码绑定企业', tag, auth: 'user', body: bindLiaisonSchema, response: bindLiaisonResponseSchema }),
  get: defineRoute({ id: 'enterprises.get', method: 'get', path: '/api/enterprises/:id', summary: '企业详情', tag, auth: 'user', params: idParamsSchema, response: enterpriseSchema }),
  update: defineRoute({ id: 'enterprises.update', method: 'patch', path: '/api/enterprises/:id', summary: '修改企业信息', tag, auth: 'user', params: idParamsSchema, body: enterprisePatchSchema, response: enterpriseSchema }),
  invite: defineRoute({ id: 'enterprises.invite', method: 'post', path: '/api/enterprises/:id/invite-code', summary: '生成联络员邀请码', tag, auth: 'user', params: idParamsSchema, response: inviteCodeResponseSchema }),
  overview: defineRoute({ id: 'enterprises.overview', method: 'get', path: '/api/enterprises/:id/overview', summary: '企业首页概况', tag, auth: 'user', params: idParamsSchema, response: enterpriseOverviewSchema }),
  reopeningReport: defineRoute({ id: 'reopening.report', method: 'put', path: '/api/enterprises/:id/reopening/today', summary: '复工进度直报（当日一份，重复提交即更正）', tag, auth: 'user', params: idParamsSchema, body: reopeningReportInputSchema, response: reopeningReportSchema, idempotent: true }),
  reopeningHistory: defineRoute({ id: 'reopening.history', method: 'get', path: '/api/enterprises/:id/reopening', summary: '复工进度历史', tag, auth: 'user', params: idParamsSchema, query: z.object({ from: isoDaySchema.optional(), to: isoDaySchema.optional() }), response: reopeningHistorySchema }),
  charterCreate: defineRoute({ id: 'charters.create', method: 'post', path: '/api/charters', summary: '提交包车需求', tag: 'charters', auth: 'user', body: charterRequestInputSchema.and(z.object({ enterpriseId: objectIdSchema })), response: charterRequestSchema, status: 201, idempotent: true }),
  charterList: defineRoute({ id: 'charters.list', method: 'get', path: '/api/charters', summary: '包车需求列表（本企业 / 可拼团）', tag: 'charters', auth: 'user', query: charterListQuerySchema.extend({ enterpriseId: objectIdSchema.optional() }), response: z.object({ items: z.array(charterRequestSchema) }) }),
  charterGroups: defineRoute({ id: 'charters.groups', method: 'get', path: '/api/charters/groups', summary: '按出发地和日期汇总包车需求（交通专班）', tag: 'charters', auth: 'user', query: charterGroupQuerySchema, response: charterGroupsSchema }),
  charterConvert: defineRoute({ id: 'charters.convert', method: 'post', path: '/api/charters/convert', summary: '将一组包车需求转为班次（交通专班）', tag: 'charters', auth: 'user', body: convertChartersSchema, response: convertChartersResultSchema, status: 201, idempotent: true }),
  charterGet: defineRoute({ id: 'charters.get', method: 'get', path: '/api/charters/:id', summary: '包车需求详情', tag: 'charters', auth: 'user', params: idParamsSchema, response: charterRequestSchema }),
  charterJoin: defineRoute({ id: 'charters.join', method: 'post', path: '/api/charters/:id/join', summary: '抱团组团包车：加入他人的需求', tag: 'charters', auth: 'user', params: idParamsSchema, body: joinCharterSchema.extend({ enterpriseId: objectIdSchema }), response: charterRequestSchema, idempotent: true }),
  charterCancel: defineRoute({ id: 'charters.cancel', method: 'post', path: '/api/charters/:id/cancel', summary: '撤回包车需求', tag: 'charters', auth: 'user', params: idParamsSchema, response: charterRequestSchema }),
};
