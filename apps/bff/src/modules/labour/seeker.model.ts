import { Schema, type Types, type Connection, type Model } from 'mongoose';

/** 求职登记: one per worker; ID number only encrypted, phone read from the account. */
export interface SeekerDoc {
  _id: Types.ObjectId;
  userId: Types.ObjectId;
  name: string;
  idNumberEnc: string | null;
  wantedIndustries: string[];
  wantedPositions: string[];
  homeRegionCode: string;
  willingRegionCodes: string[];
  homePoint: { type: 'Point'; coordinates: [number, number] } | null;
  expectedWage: number;
  availableFrom: string;
  skills: string[];
  certificates: string[];
  trainingWishes: string[];
  showPassColour: boolean;
  registeredAt: Date;
  updatedAt: Date;
}

const point = new Schema(
  {
    type: { type: String, enum: ['Point'], required: true },
    coordinates: { type: [Number], required: true },
  },
  { _id: false },
);

const schema = new Schema<SeekerDoc>(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, required: true },
    idNumberEnc: { type: String, default: null },
    wantedIndustries: { type: [String], default: [] },
    wantedPositions: { type: [String], default: [] },
    homeRegionCode: { type: String, required: true },
    willingRegionCodes: { type: [String], default: [] },
    homePoint: { type: point, default: null },
    expectedWage: { type: Number, required: true },
    availableFrom: { type: String, required: true },
    skills: { type: [String], default: [] },
    certificates: { type: [String], default: [] },
    trainingWishes: { type: [String], default: [] },
    showPassColour: { type: Boolean, required: true },
    registeredAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'labour_seekers' },
);

// One registration per worker (a second PUT updates it).
schema.index({ userId: 1 }, { unique: true });
// The firms' daily digest: seekers registered since yesterday's run.
schema.index({ registeredAt: -1 });
// Candidates for a vacancy and the daily digest: seekers wanting an industry, by expected wage.
schema.index({ wantedIndustries: 1, expectedWage: 1 });

export function seekerModel(conn: Connection): Model<SeekerDoc> {
  return conn.models.LabourSeeker ?? conn.model<SeekerDoc>('LabourSeeker', schema);
}
