import { Schema, type Types, type Connection, type Model } from 'mongoose';
import {
  APPLICATION_STATUSES,
  INTERVIEW_MODES,
  type ApplicationStatus,
  type InterviewMode,
} from '@fugong/contracts';

export interface TimelineEntry {
  status: ApplicationStatus;
  at: Date;
  by: 'seeker' | 'firm';
  note: string;
}

/** One seeker's application to one vacancy, from 投递 to 到岗; accepting adds the employment record. */
export interface ApplicationDoc {
  _id: Types.ObjectId;
  vacancyId: Types.ObjectId;
  enterpriseId: Types.ObjectId;
  enterpriseName: string;
  position: string;
  seekerUserId: Types.ObjectId;
  seekerName: string;
  homeRegionCode: string;
  status: ApplicationStatus;
  note: string;
  interview: { mode: InterviewMode; at: Date; link: string | null; point: string | null } | null;
  offer: { startDay: string; contractMonths: number; socialInsurance: boolean; wage: number } | null;
  /** 定岗: written in the same guarded update that moves the application to accepted. */
  employment: {
    startDay: string;
    contractMonths: number;
    socialInsurance: boolean;
    wage: number;
    acceptedAt: Date;
    arrivedAt: Date | null;
  } | null;
  charterBus: boolean;
  timeline: TimelineEntry[];
  appliedAt: Date;
  /** China day of each milestone, for the figures by day. */
  days: { applied: string; offered: string | null; accepted: string | null; arrived: string | null };
}

const schema = new Schema<ApplicationDoc>(
  {
    vacancyId: { type: Schema.Types.ObjectId, required: true },
    enterpriseId: { type: Schema.Types.ObjectId, required: true },
    enterpriseName: { type: String, required: true },
    position: { type: String, required: true },
    seekerUserId: { type: Schema.Types.ObjectId, required: true },
    seekerName: { type: String, required: true },
    homeRegionCode: { type: String, required: true },
    status: { type: String, enum: APPLICATION_STATUSES, required: true },
    note: { type: String, default: '' },
    interview: {
      type: new Schema(
        { mode: { type: String, enum: INTERVIEW_MODES }, at: Date, link: String, point: String },
        { _id: false },
      ),
      default: null,
    },
    offer: {
      type: new Schema(
        { startDay: String, contractMonths: Number, socialInsurance: Boolean, wage: Number },
        { _id: false },
      ),
      default: null,
    },
    employment: {
      type: new Schema(
        {
          startDay: String,
          contractMonths: Number,
          socialInsurance: Boolean,
          wage: Number,
          acceptedAt: Date,
          arrivedAt: { type: Date, default: null },
        },
        { _id: false },
      ),
      default: null,
    },
    charterBus: { type: Boolean, default: false },
    timeline: {
      type: [new Schema({ status: String, at: Date, by: String, note: String }, { _id: false })],
      default: [],
    },
    appliedAt: { type: Date, required: true },
    days: {
      type: new Schema(
        { applied: String, offered: String, accepted: String, arrived: String },
        { _id: false },
      ),
      required: true,
    },
  },
  { versionKey: false, collection: 'labour_applications' },
);

// One application per seeker per vacancy: a double tap or a retry cannot apply twice. Also
// serves the candidate list's "which of these seekers applied here" ({ vacancyId, seekerUserId $in }).
schema.index({ vacancyId: 1, seekerUserId: 1 }, { unique: true });
// The seeker's own applications, newest first.
schema.index({ seekerUserId: 1, appliedAt: -1 });
// A firm's applications by status (liaison list, new hires awaiting transport).
schema.index({ enterpriseId: 1, status: 1, appliedAt: -1 });
// The figures by day: applications, offers, hires and arrivals per China day.
schema.index({ 'days.applied': 1 });

export function applicationModel(conn: Connection): Model<ApplicationDoc> {
  return conn.models.LabourApplication ?? conn.model<ApplicationDoc>('LabourApplication', schema);
}
