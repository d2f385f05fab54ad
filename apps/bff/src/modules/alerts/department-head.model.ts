import { Schema, type Types, type Connection, type Model } from 'mongoose';

/** The head of a department (部门负责人): who an escalation of its overdue issues reaches. */
export interface DepartmentHeadDoc {
  /** The department code: one head per department. */
  _id: string;
  userId: Types.ObjectId;
  setBy: Types.ObjectId;
  setAt: Date;
}

const schema = new Schema<DepartmentHeadDoc>(
  {
    _id: { type: String },
    userId: { type: Schema.Types.ObjectId, required: true },
    setBy: { type: Schema.Types.ObjectId, required: true },
    setAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'department_heads' },
);
// No secondary index: reads are by _id (the department) or the whole ten-row list.

export function departmentHeadModel(conn: Connection): Model<DepartmentHeadDoc> {
  return conn.models.DepartmentHead ?? conn.model<DepartmentHeadDoc>('DepartmentHead', schema);
}
