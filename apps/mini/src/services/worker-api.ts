/**
 * Calls of the worker-journey screens, typed by the shared route contracts. Pages use
 * these, never paths, so a contract change breaks the build instead of a screen.
 */
import { enterpriseRoutes as e, workerRoutes as w, type BodyOf } from '@fugong/contracts';
import { callRoute, type CallOptions } from './call-route';
import { downloadRoute, type OnProgress } from './download';

export const workerApi = {
  profile: () => callRoute(w.profileGet, {}, { silent: true }),
  saveProfile: (body: BodyOf<typeof w.profileUpdate>, o?: CallOptions) =>
    callRoute(w.profileUpdate, { body }, o),
  profileFull: () => callRoute(w.profileFull, {}, { silent: true }),
  regions: () => callRoute(w.regionsList, {}, { silent: true }),
  pass: () => callRoute(w.passGet, {}, { silent: true }),
  latestCheckin: () => callRoute(w.checkinLatest, {}, { silent: true }),
  checkin: (body: BodyOf<typeof w.checkinSubmit>, o?: CallOptions) => callRoute(w.checkinSubmit, { body }, o),
  passToken: () => callRoute(w.passToken, {}, { silent: true }),
  trips: (query: Record<string, string | number | undefined>) =>
    callRoute(w.tripsSearch, { query }, { silent: true }),
  trip: (tripId: string) => callRoute(w.tripsGet, { params: { tripId } }, { silent: true }),
  book: (body: BodyOf<typeof w.bookingsCreate>, o?: CallOptions) => callRoute(w.bookingsCreate, { body }, o),
  myBookings: () => callRoute(w.bookingsMine, {}, { silent: true }),
  cancelBooking: (bookingId: string, o?: CallOptions) =>
    callRoute(w.bookingsCancel, { params: { bookingId } }, o),
  confirmArrival: (bookingId: string, o?: CallOptions) =>
    callRoute(w.bookingsArrive, { params: { bookingId } }, o),
  board: (tripId: string, body: BodyOf<typeof w.boardingBoard>, o?: CallOptions) =>
    callRoute(w.boardingBoard, { params: { tripId }, body }, o),
  manifest: (tripId: string) => callRoute(w.tripsManifest, { params: { tripId } }, { silent: true }),
  /**
   * The passenger list as a file; H5 saves it, weapp opens it. Masked unless `full` carries the
   * reason the server audits (and refuses unless the person may read it in full).
   */
  exportManifest: (
    tripId: string,
    format: 'csv' | 'xlsx',
    onProgress: OnProgress,
    full?: { reason: string },
  ) =>
    downloadRoute(
      w.tripsManifestExport,
      { params: { tripId }, query: full ? { format, full: 'true', reason: full.reason } : { format } },
      `乘客名单${full ? '（完整）' : '（脱敏）'}-${tripId}.${format}`,
      onProgress,
    ),
  createTrip: (body: BodyOf<typeof w.tripsCreate>, o?: CallOptions) => callRoute(w.tripsCreate, { body }, o),
  changeTrip: (tripId: string, body: BodyOf<typeof w.tripsUpdate>, o?: CallOptions) =>
    callRoute(w.tripsUpdate, { params: { tripId }, body }, o),
  publishTrip: (tripId: string, o?: CallOptions) => callRoute(w.tripsPublish, { params: { tripId } }, o),
  cancelTrip: (tripId: string, reason: string, o?: CallOptions) =>
    callRoute(w.tripsCancel, { params: { tripId }, body: { reason } }, o),
  bookStaff: (tripId: string, body: BodyOf<typeof w.bookingsStaff>, o?: CallOptions) =>
    callRoute(w.bookingsStaff, { params: { tripId }, body }, o),
  /** The transport officer's side of 包车需求: open requests by origin and day, one, and the conversion. */
  charterGroups: () => callRoute(e.charterGroups, { query: {} }, { silent: true }),
  charter: (id: string) => callRoute(e.charterGet, { params: { id } }, { silent: true }),
  convertCharters: (body: BodyOf<typeof e.charterConvert>, o?: CallOptions) =>
    callRoute(e.charterConvert, { body }, o),
};
