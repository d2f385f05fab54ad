import { Schema, type Types, type Connection, type Model } from 'mongoose';
import {
  CONTRACT_KINDS,
  SHIFTS,
  VACANCY_STATUSES,
  type ContractKind,
  type Shift,
  type VacancyStatus,
} from '@fugong/contracts';

/** A vacancy of the 动态空岗信息库 (seed 002 §二). */
export interface VacancyDoc {
  _id: Types.ObjectId;
  enterpriseId: Types.ObjectId;
  enterpriseName: string;
  postedBy: Types.ObjectId;
  position: string;
  industry: string;
  headcount: number;
  /** Hires confirmed (accepted offers). */
  filled: number;
  /** filled + outstanding offers; an offer needs reserved < headcount. */
  reserved: number;
  wageMin: number;
  wageMax: number;
  regionCode: string;
  address: string;
  /** GeoJSON point [lng, lat] under a 2dsphere index. */
  location: { type: 'Point'; coordinates: [number, number] };
  shifts: Shift[];
  contractKind: ContractKind;
  requirements: string;
  certificateRequired: boolean;
  accommodation: boolean;
  meals: boolean;
  healthRequirements: string;
  charterBus: boolean;
  status: VacancyStatus;
  /** Characters and character bigrams of position, industry and requirements (see keywords.ts). */
  keywords: string[];
  confirmedAt: Date;
  postedAt: Date;
  idempotencyKey: string | null;
}

const schema = new Schema<VacancyDoc>(
  {
    enterpriseId: { type: Schema.Types.ObjectId, required: true },
    enterpriseName: { type: String, required: true },
    postedBy: { type: Schema.Types.ObjectId, required: true },
    position: { type: String, required: true },
    industry: { type: String, required: true },
    headcount: { type: Number, required: true },
    filled: { type: Number, default: 0 },
    reserved: { type: Number, default: 0 },
    wageMin: { type: Number, required: true },
    wageMax: { type: Number, required: true },
    regionCode: { type: String, required: true },
    address: { type: String, required: true },
    location: {
      type: new Schema(
        {
          type: { type: String, enum: ['Point'], required: true },
          coordinates: { type: [Number], required: true },
        },
        { _id: false },
      ),
      required: true,
    },
    shifts: { type: [String], enum: SHIFTS, default: [] },
    contractKind: { type: String, enum: CONTRACT_KINDS, required: true },
    requirements: { type: String, default: '' },
    certificateRequired: { type: Boolean, required: true },
    accommodation: { type: Boolean, required: true },
    meals: { type: Boolean, required: true },
    healthRequirements: { type: String, default: '' },
    charterBus: { type: Boolean, required: true },
    status: { type: String, enum: VACANCY_STATUSES, required: true },
    keywords: { type: [String], default: [] },
    confirmedAt: { type: Date, required: true },
    postedAt: { type: Date, required: true },
    idempotencyKey: { type: String, default: null },
  },
  { versionKey: false, collection: 'labour_vacancies' },
);

// "Nearest first": $near / $geoNear on the work place (both engines support 2dsphere).
schema.index({ location: '2dsphere' });
// Search without a point: open, fresh vacancies by region prefix / industry, newest confirmation first.
schema.index({ status: 1, confirmedAt: -1, regionCode: 1, industry: 1 });
// Chinese keyword search: multikey index on the bigram array, matched with $all (not $text).
schema.index({ keywords: 1, status: 1 });
// A firm's own vacancies (liaison, the agency serving it) and the shortage ranking per firm.
schema.index({ enterpriseId: 1, status: 1, postedAt: -1 });
// A retried post with the same Idempotency-Key finds the vacancy it made.
schema.index(
  { postedBy: 1, idempotencyKey: 1 },
  { unique: true, partialFilterExpression: { idempotencyKey: { $type: 'string' } } },
);

export function vacancyModel(conn: Connection): Model<VacancyDoc> {
  return conn.models.LabourVacancy ?? conn.model<VacancyDoc>('LabourVacancy', schema);
}
