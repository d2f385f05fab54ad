import { Schema, type Types, type Connection, type Model } from 'mongoose';

/**
 * One daily digest (一对一推送, seed 003) to one person on one China day: the new vacancies that
 * fit a seeker, or — to a firm's liaison (or agency) — its vacancies that new seekers fit.
 * Written before the notice goes out; at most one per person per day.
 */
export interface DigestDoc {
  _id: Types.ObjectId;
  userId: Types.ObjectId;
  /** China day (YYYY-MM-DD) the digest is for. */
  day: string;
  /** The notice kind: new vacancies for a seeker, new seekers for a firm. */
  kind: 'labour_digest' | 'labour_candidates';
  vacancyIds: Types.ObjectId[];
  title: string;
  body: string;
  page: string;
  createdAt: Date;
  /** When its notice was handed to the outbox; null while not yet (a run that died in between). */
  queuedAt: Date | null;
}

/** A day's sweep over every seeker, finished: later ticks that day have nothing to do. */
export interface DigestRunDoc {
  /** The China day. */
  _id: string;
  finishedAt: Date;
}

const digest = new Schema<DigestDoc>(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    day: { type: String, required: true },
    kind: { type: String, enum: ['labour_digest', 'labour_candidates'], required: true },
    vacancyIds: { type: [Schema.Types.ObjectId], default: [] },
    title: { type: String, required: true },
    body: { type: String, required: true },
    page: { type: String, required: true },
    createdAt: { type: Date, required: true },
    queuedAt: { type: Date, default: null },
  },
  { versionKey: false, collection: 'labour_digests' },
);
// At most one digest per person per day: of two runs racing (two instances, a lease that
// lapsed mid-run), the insert that loses is a duplicate key and its run sends nothing. Also
// serves "yesterday's digests of these people" (what they were already told about).
digest.index({ userId: 1, day: 1 }, { unique: true });
// A day's digests whose notice never reached the outbox (the run died after its insert).
digest.index({ day: 1, queuedAt: 1 });

const run = new Schema<DigestRunDoc>(
  { _id: { type: String, required: true }, finishedAt: { type: Date, required: true } },
  { versionKey: false, collection: 'labour_digest_runs' },
);

export function digestModel(conn: Connection): Model<DigestDoc> {
  return conn.models.LabourDigest ?? conn.model<DigestDoc>('LabourDigest', digest);
}
export function digestRunModel(conn: Connection): Model<DigestRunDoc> {
  return conn.models.LabourDigestRun ?? conn.model<DigestRunDoc>('LabourDigestRun', run);
}
