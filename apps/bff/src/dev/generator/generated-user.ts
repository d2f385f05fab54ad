import type { Types } from 'mongoose';
import type { Role } from '@fugong/contracts';
import { chinaDayStart } from '@fugong/domain';
import { personName } from './city-plan';
import type { Rng } from './random';

export const HOUR = 3_600_000;

/** `hour` o'clock China time on `day`: when a generated record was written. */
export const atChinaHour = (day: string, hour: number) =>
  new Date(chinaDayStart(day).getTime() + hour * HOUR);

/**
 * The stored user of a generated person (a steward, a worker): a name and roles, and none of the
 * phone, WeChat or ID-number fields, so nobody can sign in as one; created at the window's start.
 */
export function generatedUser(
  r: Rng,
  u: {
    _id: Types.ObjectId;
    roles: Role[];
    enterpriseId: Types.ObjectId | null;
    homeRegion: { province: string; city: string; county: string } | null;
  },
  startDay: string,
) {
  return {
    _id: u._id,
    name: personName(r),
    phoneEnc: null,
    phoneHash: null,
    openid: null,
    idNumberEnc: null,
    idNumberHash: null,
    roles: u.roles,
    enterpriseId: u.enterpriseId,
    departmentId: null,
    homeRegion: u.homeRegion,
    createdAt: atChinaHour(startDay, 0),
    updatedAt: atChinaHour(startDay, 0),
  };
}
