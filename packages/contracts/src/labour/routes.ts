import { z } from 'zod';
import { defineRoute, type RouteContract } from '../route';
import { objectIdSchema } from '../common';
import {
  vacancyConfirmSchema,
  vacancyEditSchema,
  vacancyInputSchema,
  vacancyMineQuerySchema,
  vacancySchema,
  vacancySearchSchema,
} from './vacancy';
import { seekerCardSchema, seekerInputSchema, seekerMatchQuerySchema, seekerSchema } from './seeker';
import {
  applicantContactSchema,
  applicationListQuerySchema,
  applicationSchema,
  applyInputSchema,
  awaitingTransportSchema,
  labourEmptySchema,
  interviewInputSchema,
  offerInputSchema,
  labourReasonSchema,
  wayThereSchema,
} from './application';
import { labourFiguresSchema } from './figures';
import { agencyGrantSchema, agencySchema } from './agency';

const tag = 'labour';
const idParams = z.object({ id: objectIdSchema });
const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

const get = <Q extends z.ZodType, R extends z.ZodType>(
  id: string,
  path: string,
  summary: string,
  response: R,
  query?: Q,
) => defineRoute({ id, method: 'get', path, summary, tag, auth: 'user', query, response });

/** One step of an application (shortlist, interview, offer…): POST /applications/:id/<step>. */
function step<B extends z.ZodType>(
  name: string,
  summary: string,
  body: B,
): RouteContract<B, z.ZodType, typeof idParams, typeof applicationSchema> {
  return defineRoute({
    id: `labour.applications.${name}`,
    method: 'post',
    path: `/api/labour/applications/:id/${name}`,
    summary,
    tag,
    auth: 'user',
    params: idParams,
    body,
    response: applicationSchema,
  });
}

/** 用工服务: vacancies, job seekers, 先寻岗、再定岗、后到岗, 用工调剂 and the figures. */
export const labourRoutes = {
  post: defineRoute({
    id: 'labour.vacancies.post',
    method: 'post',
    path: '/api/labour/vacancies',
    summary: '发布空岗（免费）',
    tag,
    auth: 'user',
    body: vacancyInputSchema,
    response: vacancySchema,
    status: 201,
    idempotent: true,
  }),
  mine: get(
    'labour.vacancies.mine',
    '/api/labour/vacancies/mine',
    '本企业（或所服务企业）的岗位',
    list(vacancySchema),
    vacancyMineQuerySchema,
  ),
  search: get(
    'labour.vacancies.search',
    '/api/labour/vacancies',
    '搜索岗位（地区、行业、工资、用工形式、距离、关键词）',
    list(vacancySchema),
    vacancySearchSchema,
  ),
  vacancy: defineRoute({
    id: 'labour.vacancies.get',
    method: 'get',
    path: '/api/labour/vacancies/:id',
    summary: '岗位详情',
    tag,
    auth: 'user',
    params: idParams,
    response: vacancySchema,
  }),
  edit: defineRoute({
    id: 'labour.vacancies.edit',
    method: 'put',
    path: '/api/labour/vacancies/:id',
    summary: '修改岗位（工资、人数、要求等；修改即确认仍有效）',
    tag,
    auth: 'user',
    params: idParams,
    body: vacancyEditSchema,
    response: vacancySchema,
  }),
  confirm: defineRoute({
    id: 'labour.vacancies.confirm',
    method: 'post',
    path: '/api/labour/vacancies/:id/confirm',
    summary: '确认岗位仍有效（可调整人数）',
    tag,
    auth: 'user',
    params: idParams,
    body: vacancyConfirmSchema,
    response: vacancySchema,
  }),
  withdraw: defineRoute({
    id: 'labour.vacancies.withdraw',
    method: 'post',
    path: '/api/labour/vacancies/:id/withdraw',
    summary: '撤回岗位',
    tag,
    auth: 'user',
    params: idParams,
    body: labourEmptySchema,
    response: vacancySchema,
  }),
  register: defineRoute({
    id: 'labour.seekers.register',
    method: 'put',
    path: '/api/labour/seeker',
    summary: '求职登记（含培训预登记）',
    tag,
    auth: 'user',
    body: seekerInputSchema,
    response: seekerSchema,
  }),
  seeker: get(
    'labour.seekers.me',
    '/api/labour/seeker',
    '我的求职登记',
    z.object({ seeker: seekerSchema.nullable() }),
  ),
  match: get(
    'labour.seekers.match',
    '/api/labour/seekers',
    '适合某岗位的求职者（不含身份证号和手机号）',
    list(seekerCardSchema),
    seekerMatchQuerySchema,
  ),
  apply: defineRoute({
    id: 'labour.applications.apply',
    method: 'post',
    path: '/api/labour/applications',
    summary: '投递岗位',
    tag,
    auth: 'user',
    body: applyInputSchema,
    response: applicationSchema,
    status: 201,
    idempotent: true,
  }),
  applications: get(
    'labour.applications.list',
    '/api/labour/applications',
    '投递记录（求职者：我的；企业：本企业的）',
    list(applicationSchema),
    applicationListQuerySchema,
  ),
  awaiting: get(
    'labour.hires.awaiting',
    '/api/labour/hires/awaiting-transport',
    '已定岗待到岗的新员工（安排包车）',
    awaitingTransportSchema,
  ),
  application: defineRoute({
    id: 'labour.applications.get',
    method: 'get',
    path: '/api/labour/applications/:id',
    summary: '投递详情与进度',
    tag,
    auth: 'user',
    params: idParams,
    response: applicationSchema,
  }),
  contact: defineRoute({
    id: 'labour.applications.contact',
    method: 'get',
    path: '/api/labour/applications/:id/contact',
    summary: '查看应聘者完整联系方式（留痕）',
    tag,
    auth: 'user',
    params: idParams,
    response: applicantContactSchema,
  }),
  wayThere: defineRoute({
    id: 'labour.applications.wayThere',
    method: 'get',
    path: '/api/labour/applications/:id/way-there',
    summary: '后到岗：从家乡到企业的车次',
    tag,
    auth: 'user',
    params: idParams,
    response: wayThereSchema,
  }),
  firms: get(
    'labour.firms.mine',
    '/api/labour/firms',
    '我可代为招工的企业（联络员：本企业；人力资源服务机构：所服务企业）',
    list(z.object({ id: objectIdSchema, name: z.string() })),
  ),
  agencyGrant: defineRoute({
    id: 'labour.agencies.grant',
    method: 'put',
    path: '/api/labour/agencies/:userId',
    summary: '指定人力资源服务机构代理的企业（人社局）',
    tag,
    auth: 'user',
    params: z.object({ userId: objectIdSchema }),
    body: agencyGrantSchema,
    response: agencySchema,
  }),
  figures: get('labour.figures', '/api/labour/figures', '用工缺口（人社局、指挥部）', labourFiguresSchema),
  shortlist: step('shortlist', '初选', labourEmptySchema),
  interview: step('interview', '安排面试（视频或远程视频见工点）', interviewInputSchema),
  offer: step('offer', '发出录用', offerInputSchema),
  accept: step('accept', '接受录用（定岗）', labourEmptySchema),
  decline: step('decline', '婉拒录用', labourEmptySchema),
  withdrawApplication: step('withdraw', '撤回投递', labourEmptySchema),
  reject: step('reject', '不予录用', labourReasonSchema),
  arrive: step('arrive', '确认到岗', labourEmptySchema),
};
