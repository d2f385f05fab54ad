import { Schema, type Types, type Connection, type Model } from 'mongoose';
import { PROJECT_KINDS, PROJECT_LEVELS, type ProjectKind, type ProjectLevel } from '@fugong/contracts';

/** One 序时进度表 node: a planned day and the day it was done. */
export interface MilestoneDoc {
  _id: Types.ObjectId;
  title: string;
  plannedDate: string;
  doneDate: string | null;
}

/** 重点项目: the registry row, its 序时进度表, and the state its latest 周报 gave. */
export interface ProjectDoc {
  _id: Types.ObjectId;
  name: string;
  enterpriseId: Types.ObjectId;
  enterpriseName: string;
  level: ProjectLevel;
  kind: ProjectKind;
  investmentWan: number;
  regionCode: string;
  /** 代办负责人 and 联络员 (seed 000 三(五)): staff accounts, names copied for lists. */
  agent: { id: Types.ObjectId; name: string };
  contact: { id: Types.ObjectId; name: string };
  milestones: MilestoneDoc[];
  resumed: boolean;
  workersOnSite: number;
  lastReportWeek: string | null;
  createdBy: Types.ObjectId;
  createdAt: Date;
}

const person = new Schema(
  { id: { type: Schema.Types.ObjectId, required: true }, name: String },
  { _id: false },
);

const schema = new Schema<ProjectDoc>(
  {
    name: { type: String, required: true },
    enterpriseId: { type: Schema.Types.ObjectId, required: true },
    enterpriseName: { type: String, required: true },
    level: { type: String, enum: PROJECT_LEVELS, required: true },
    kind: { type: String, enum: PROJECT_KINDS, required: true },
    investmentWan: { type: Number, required: true },
    regionCode: { type: String, required: true },
    agent: { type: person, required: true },
    contact: { type: person, required: true },
    milestones: {
      type: [new Schema({ title: String, plannedDate: String, doneDate: { type: String, default: null } })],
      default: [],
    },
    resumed: { type: Boolean, default: false },
    workersOnSite: { type: Number, default: 0 },
    lastReportWeek: { type: String, default: null },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'key_projects' },
);

// A firm's own projects, newest first (the liaison's list).
schema.index({ enterpriseId: 1, createdAt: -1 });
// The projects a 代办负责人 / 联络员 serves (their list and every scope check).
schema.index({ 'agent.id': 1 });
schema.index({ 'contact.id': 1 });
// The registry filtered by level and region, and the figures grouped the same way.
schema.index({ level: 1, regionCode: 1, createdAt: -1 });

export function projectModel(conn: Connection): Model<ProjectDoc> {
  return conn.models.KeyProject ?? conn.model<ProjectDoc>('KeyProject', schema);
}
