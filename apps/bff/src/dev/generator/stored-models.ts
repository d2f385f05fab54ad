/**
 * The collections the demo-city generator fills, opened as their modules store them. The
 * generator is the one writer outside repositories (lint leaves dev/generator alone): it inserts
 * stored shapes by the hundred thousand, then the rollups' rebuild counts them.
 */
import type { Connection } from 'mongoose';
import { userModel } from '../../modules/auth/user.model';
import { bookingModel } from '../../modules/bookings/booking.model';
import { callbackModel } from '../../modules/callbacks/callback.model';
import { enterpriseModel } from '../../modules/enterprises/enterprise.model';
import { checkinModel } from '../../modules/health-checkins/checkin.model';
import { issueModel } from '../../modules/issues/issue.model';
import { reopeningModel } from '../../modules/reopening/reopening.model';
import { assignmentModel } from '../../modules/assignments/assignment.model';
import { tripModel } from '../../modules/trips/trip.model';
import { visitModel } from '../../modules/visits/visit.model';

export function storedModels(conn: Connection) {
  return {
    enterprises: enterpriseModel(conn),
    reopening: reopeningModel(conn),
    issues: issueModel(conn),
    assignments: assignmentModel(conn),
    visits: visitModel(conn),
    trips: tripModel(conn),
    checkins: checkinModel(conn),
    users: userModel(conn),
    callbacks: callbackModel(conn),
    bookings: bookingModel(conn),
  };
}

export type StoredModels = ReturnType<typeof storedModels>;
