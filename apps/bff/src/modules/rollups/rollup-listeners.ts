import type { RecordEvents } from '../../events';
import type { RollupService } from './rollup.service';

/**
 * Subscribes the dashboard's rollups to the writes that move its figures. Every writer only
 * announces what changed; which counters that touches is decided here and in RollupService.
 * Trip counter moves (seats, waitlist, boardings) come in bursts during a rush: they are
 * scheduled and coalesced per trip instead of synced inside each booking request.
 */
export function listenForRollups(events: RecordEvents, rollups: RollupService): void {
  events
    .on('enterprise.changed', (e) => rollups.syncEnterprise(e.enterpriseId))
    .on('enterprises.imported', (e) => rollups.syncEnterprisesUpdatedSince(e.since))
    .on('trip.changed', (e) => rollups.syncTrip(e.tripId))
    .on('trip.counters-moved', (e) => rollups.syncTripSoon(e.tripId))
    .on('issue.moved', (e) => rollups.syncIssue({ id: e.issueId, enterpriseId: e.enterpriseId }))
    .on('checkin.saved', (e) => rollups.syncCheckin(e.workerId, e.day))
    .on('visit.recorded', (e) => rollups.recordVisit(e))
    .on('callback.recorded', (e) => rollups.recordCallback(e));
}
