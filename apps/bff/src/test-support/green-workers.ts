import { Types, type mongo } from 'mongoose';
import { chinaDay } from '@fugong/domain';

/**
 * Inserts workers who have signed up and checked in green today straight into the database,
 * as the sign-up and check-in routes would store them: the load and fault rushes need thousands
 * of bookable people in seconds, which the one-time-code flow cannot give. Returns their ids.
 */
export async function insertGreenWorkers(
  db: mongo.Db,
  count: number,
  now: Date,
  label: (i: number) => string,
): Promise<Types.ObjectId[]> {
  const ids = Array.from({ length: count }, () => new Types.ObjectId());
  const day = chinaDay(now);
  await db.collection('users').insertMany(
    ids.map((_id, i) => ({
      _id,
      name: `工人${i}`,
      phoneHash: label(i),
      phoneEnc: null,
      openid: null,
      idNumberEnc: null,
      idNumberHash: null,
      roles: ['worker'],
      enterpriseId: null,
      departmentId: null,
      homeRegion: null,
      createdAt: now,
      updatedAt: now,
    })),
  );
  await db.collection('health_checkins').insertMany(
    ids.map((workerId) => ({
      workerId,
      day,
      at: now,
      temperature: 36.5,
      symptoms: [],
      healthCode: 'green',
      places: [],
      arrivedFromOutsideProvince: false,
      arrivalDate: null,
    })),
  );
  return ids;
}
