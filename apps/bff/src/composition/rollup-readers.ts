/**
 * Part of the composition root (`container.ts` calls this once): what the dashboard's rollups
 * read of the writing modules, through those modules' repositories. The rollups are built
 * before the writers, so these are read-only instances of the same repositories on the same
 * connection; they read the stored records as they are now (no snapshot, no batching).
 */
import type { Connection } from 'mongoose';
import type { UserRepository } from '../modules/auth';
import { BookingRepository } from '../modules/bookings';
import { CallbackRepository } from '../modules/callbacks';
import type { EnterpriseRepository } from '../modules/enterprises';
import { CheckinRepository } from '../modules/health-checkins';
import { IssueRepository } from '../modules/issues';
import { ReopeningRepository } from '../modules/reopening';
import type { RollupReaders } from '../modules/rollups';
import { AssignmentRepository } from '../modules/assignments';
import { TripRepository } from '../modules/trips';
import { VisitRepository } from '../modules/visits';

export function rollupReaders(
  conn: Connection,
  shared: { enterprises: EnterpriseRepository; users: UserRepository },
): RollupReaders {
  return {
    enterprises: shared.enterprises,
    users: shared.users,
    reopening: ReopeningRepository.on(conn),
    issues: IssueRepository.on(conn),
    assignments: AssignmentRepository.on(conn),
    visits: VisitRepository.on(conn),
    trips: TripRepository.on(conn),
    bookings: BookingRepository.on(conn),
    checkins: CheckinRepository.on(conn),
    callbacks: CallbackRepository.on(conn),
  };
}
