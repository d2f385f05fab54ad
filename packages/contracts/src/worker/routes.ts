import { z } from 'zod';
import { defineRoute } from '../route';
import { objectIdSchema, pagedSchema, phoneSchema, regionCodeSchema } from '../common';
import { checkinInputSchema, checkinSchema, passSchema, passTokenSchema, regionSchema, regionUpsertSchema } from './health';
import { profileFullSchema, profileSchema, profileUpdateSchema, roleGrantSchema } from './profile';
import { tripCancelSchema, tripChangeSchema, tripInputSchema, tripSchema, tripSearchSchema } from './trip';
import {
  boardingInputSchema,
  boardingResultSchema,
  bookingInputSchema,
  bookingSchema,
  manifestExportQuerySchema,
  manifestSchema,
  notificationSchema,
  staffBookingInputSchema,
  staffBookingResultSchema,
} from './booking';

const tripParams = z.object({ tripId: objectIdSchema });
const userParams = z.object({ userId: objectIdSchema });

/** Routes of the worker journey (issue 4): profile, check-in and pass, trips, bookings, boarding. */
export const workerRoutes = {
  profileGet: defineRoute({ id: 'profile.get', method: 'get', path: '/api/profile', summary: '我的资料（脱敏）', tag: 'profile', auth: 'user', response: profileSchema }),
  profileUpdate: defineRoute({ id: 'profile.update', method: 'put', path: '/api/profile', summary: '填写或修改我的资料', tag: 'profile', auth: 'user', body: profileUpdateSchema, response: profileSchema }),
  profileFull: defineRoute({ id: 'profile.full', method: 'get', path: '/api/profile/full', summary: '查看我的完整证件号与手机号（记入审计）', tag: 'profile', auth: 'user', response: profileFullSchema }),
  adminUserFind: defineRoute({ id: 'admin.users.find', method: 'get', path: '/api/admin/users', summary: '按手机号查找用户', tag: 'admin', auth: 'user', query: z.object({ phone: phoneSchema }), response: profileSchema }),
  adminUserFull: defineRoute({ id: 'admin.users.full', method: 'get', path: '/api/admin/users/:userId/full', summary: '查看用户完整个人信息（记入审计）', tag: 'admin', auth: 'user', params: userParams, response: profileFullSchema }),
  adminUserRoles: defineRoute({ id: 'admin.users.roles', method: 'put', path: '/api/admin/users/:userId/roles', summary: '授予角色', tag: 'admin', auth: 'user', params: userParams, body: roleGrantSchema, response: profileSchema }),
  regionsList: defineRoute({ id: 'regions.list', method: 'get', path: '/api/regions', summary: '地区风险等级', tag: 'regions', auth: 'user', response: z.object({ items: z.array(regionSchema) }) }),
  regionsUpsert: defineRoute({ id: 'regions.upsert', method: 'put', path: '/api/regions/:code', summary: '设置地区风险等级', tag: 'regions', auth: 'user', params: z.object({ code: regionCodeSchema }), body: regionUpsertSchema, response: regionSchema }),
  checkinSubmit: defineRoute({ id: 'checkins.submit', method: 'post', path: '/api/checkins', summary: '健康打卡（当天重复提交即更新）', tag: 'health', auth: 'user', body: checkinInputSchema, response: z.object({ checkin: checkinSchema, pass: passSchema }), idempotent: true }),
  checkinLatest: defineRoute({ id: 'checkins.latest', method: 'get', path: '/api/checkins/latest', summary: '最近一次打卡（用于预填表单）', tag: 'health', auth: 'user', response: z.object({ checkin: checkinSchema.nullable() }) }),
  passGet: defineRoute({ id: 'pass.get', method: 'get', path: '/api/pass', summary: '我的通行码状态', tag: 'health', auth: 'user', response: passSchema }),
  passToken: defineRoute({ id: 'pass.token', method: 'get', path: '/api/pass/token', summary: '通行码/上车码（短时有效的签名二维码）', tag: 'health', auth: 'user', response: passTokenSchema }),
  tripsCreate: defineRoute({ id: 'trips.create', method: 'post', path: '/api/trips', summary: '创建班次（草稿）', tag: 'trips', auth: 'user', body: tripInputSchema, response: tripSchema, status: 201, idempotent: true }),
  tripsSearch: defineRoute({ id: 'trips.search', method: 'get', path: '/api/trips', summary: '查找班次', tag: 'trips', auth: 'user', query: tripSearchSchema, response: pagedSchema(tripSchema) }),
  tripsGet: defineRoute({ id: 'trips.get', method: 'get', path: '/api/trips/:tripId', summary: '班次详情', tag: 'trips', auth: 'user', params: tripParams, response: tripSchema }),
  tripsUpdate: defineRoute({ id: 'trips.update', method: 'patch', path: '/api/trips/:tripId', summary: '修改班次（改时间会通知已订座人员）', tag: 'trips', auth: 'user', params: tripParams, body: tripChangeSchema, response: tripSchema }),
  tripsPublish: defineRoute({ id: 'trips.publish', method: 'post', path: '/api/trips/:tripId/publish', summary: '发布班次', tag: 'trips', auth: 'user', params: tripParams, response: tripSchema }),
  tripsCancel: defineRoute({ id: 'trips.cancel', method: 'post', path: '/api/trips/:tripId/cancel', summary: '取消班次（通知已订座人员）', tag: 'trips', auth: 'user', params: tripParams, body: tripCancelSchema, response: tripSchema }),
  bookingsCreate: defineRoute({ id: 'bookings.create', method: 'post', path: '/api/bookings', summary: '预订座位（满员自动候补）', tag: 'bookings', auth: 'user', body: bookingInputSchema, response: bookingSchema, status: 201, idempotent: true }),
  bookingsMine: defineRoute({ id: 'bookings.mine', method: 'get', path: '/api/bookings/mine', summary: '我的行程', tag: 'bookings', auth: 'user', response: z.object({ items: z.array(bookingSchema) }) }),
  bookingsCancel: defineRoute({ id: 'bookings.cancel', method: 'post', path: '/api/bookings/:bookingId/cancel', summary: '取消预订', tag: 'bookings', auth: 'user', params: z.object({ bookingId: objectIdSchema }), response: bookingSchema, idempotent: true }),
  bookingsStaff: defineRoute({ id: 'bookings.staff', method: 'post', path: '/api/trips/:tripId/staff-bookings', summary: '企业联络员为本企业员工订座', tag: 'bookings', auth: 'user', params: tripParams, body: staffBookingInputSchema, response: staffBookingResultSchema, idempotent: true }),
  boardingBoard: defineRoute({ id: 'boarding.board', method: 'post', path: '/api/trips/:tripId/boardings', summary: '扫码核验上车', tag: 'boarding', auth: 'user', params: tripParams, body: boardingInputSchema, response: boardingResultSchema, idempotent: true }),
  tripsManifest: defineRoute({ id: 'trips.manifest', method: 'get', path: '/api/trips/:tripId/manifest', summary: '乘客名单', tag: 'boarding', auth: 'user', params: tripParams, response: manifestSchema }),
  tripsManifestExport: defineRoute({ id: 'trips.manifest.export', method: 'get', path: '/api/trips/:tripId/manifest/export', summary: '导出乘客名单（CSV/Excel，含完整信息，记入审计）', tag: 'boarding', auth: 'user', params: tripParams, query: manifestExportQuerySchema, response: z.unknown(), produces: 'text/csv' }),
  notificationsMine: defineRoute({ id: 'notifications.mine', method: 'get', path: '/api/notifications/mine', summary: '我的消息', tag: 'notifications', auth: 'user', response: z.object({ items: z.array(notificationSchema) }) }),
};
