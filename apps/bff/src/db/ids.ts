import { Types } from 'mongoose';

/** A stored id from its hex string (callers check `Types.ObjectId.isValid` where input is untrusted). */
export const oid = (id: string): Types.ObjectId => new Types.ObjectId(id);
