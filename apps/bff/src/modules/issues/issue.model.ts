import { Schema, type Types, type Connection, type Model } from 'mongoose';
import {
  ISSUE_CATEGORIES,
  ISSUE_STATES,
  ISSUE_URGENCIES,
  type IssueCategory,
  type IssueState,
  type IssueUrgency,
} from '@fugong/contracts';

/** One SLA clock as stored: deadline, when met, and whether reminder/escalation went out. */
export interface ClockDoc {
  dueAt: Date | null;
  metAt: Date | null;
  remindedAt: Date | null;
  escalatedAt: Date | null;
}

export interface TimelineDoc {
  at: Date;
  type: string;
  actorId: Types.ObjectId | null;
  actorRole: string;
  fromState: IssueState | null;
  toState: IssueState | null;
  departmentCode: string | null;
  note: string;
}

export interface IssueDoc {
  _id: Types.ObjectId;
  number: string;
  enterpriseId: Types.ObjectId;
  enterpriseName: string;
  category: IssueCategory;
  urgency: IssueUrgency;
  description: string;
  attachmentIds: Types.ObjectId[];
  source: 'liaison' | 'steward' | 'visit';
  visitId: Types.ObjectId | null;
  visitProblemIndex: number | null;
  reportedBy: Types.ObjectId;
  reportedAt: Date;
  state: IssueState;
  departmentCode: string | null;
  answer: string | null;
  rating: number | null;
  escalated: boolean;
  clocks: { firstResponse: ClockDoc; progress: ClockDoc; resolution: ClockDoc };
  /** Append-only: the repository only ever $push-es here, in the same update as the change it records. */
  timeline: TimelineDoc[];
}

const clock = new Schema<ClockDoc>(
  {
    dueAt: { type: Date, default: null },
    metAt: { type: Date, default: null },
    remindedAt: { type: Date, default: null },
    escalatedAt: { type: Date, default: null },
  },
  { _id: false },
);

const event = new Schema<TimelineDoc>(
  {
    at: { type: Date, required: true },
    type: { type: String, required: true },
    actorId: { type: Schema.Types.ObjectId, default: null },
    actorRole: { type: String, required: true },
    fromState: { type: String, default: null },
    toState: { type: String, default: null },
    departmentCode: { type: String, default: null },
    note: { type: String, default: '' },
  },
  { _id: false },
);

const schema = new Schema<IssueDoc>(
  {
    number: { type: String, required: true },
    enterpriseId: { type: Schema.Types.ObjectId, required: true },
    enterpriseName: { type: String, required: true },
    category: { type: String, enum: ISSUE_CATEGORIES, required: true },
    urgency: { type: String, enum: ISSUE_URGENCIES, required: true },
    description: { type: String, required: true },
    attachmentIds: { type: [Schema.Types.ObjectId], default: [] },
    source: { type: String, enum: ['liaison', 'steward', 'visit'], required: true },
    visitId: { type: Schema.Types.ObjectId, default: null },
    visitProblemIndex: { type: Number, default: null },
    reportedBy: { type: Schema.Types.ObjectId, required: true },
    reportedAt: { type: Date, required: true },
    state: { type: String, enum: ISSUE_STATES, required: true },
    departmentCode: { type: String, default: null },
    answer: { type: String, default: null },
    rating: { type: Number, default: null },
    escalated: { type: Boolean, default: false },
    clocks: {
      firstResponse: { type: clock, required: true },
      progress: { type: clock, required: true },
      resolution: { type: clock, required: true },
    },
    timeline: { type: [event], default: [] },
  },
  { versionKey: false, collection: 'issues' },
);

// Officer queue: their department's issues by state, soonest deadline first.
schema.index({ departmentCode: 1, state: 1, 'clocks.progress.dueAt': 1 });
// Liaison/steward lists and the overview counts: an enterprise's issues by state, newest first.
schema.index({ enterpriseId: 1, state: 1, reportedAt: -1 });
// Command list and 共性问题: open issues by state and category.
schema.index({ state: 1, category: 1, reportedAt: -1 });
// Sweep: clocks coming due (reminders) or past due (escalation), one index per clock.
schema.index({ 'clocks.firstResponse.dueAt': 1 });
schema.index({ 'clocks.progress.dueAt': 1 });
schema.index({ 'clocks.resolution.dueAt': 1 });
// A visit's problems become issues exactly once: a retried visit submission cannot raise a
// problem twice (the second insert collides and the existing issue is reused).
schema.index(
  { visitId: 1, visitProblemIndex: 1 },
  { unique: true, partialFilterExpression: { visitId: { $type: 'objectId' } } },
);
// Human-readable number shown on the phone and quoted on the hotline; unique so it identifies.
schema.index({ number: 1 }, { unique: true });

/** Registers the model on a connection. */
export function issueModel(conn: Connection): Model<IssueDoc> {
  return conn.models.Issue ?? conn.model<IssueDoc>('Issue', schema);
}
