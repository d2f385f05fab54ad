import type { Model } from 'mongoose';

/**
 * Inserts every document that a unique index lets in, in one unordered insertMany, and says
 * which were refused as duplicates (their indexes in `docs`). Any other write error throws:
 * only "someone else already holds this key" is an answer the caller expects.
 */
export async function insertUnlessDuplicate<T>(model: Model<T>, docs: unknown[]): Promise<Set<number>> {
  const refused = new Set<number>();
  if (docs.length === 0) return refused;
  try {
    await model.insertMany(docs, { ordered: false });
  } catch (err) {
    const writeErrors = (err as { writeErrors?: { index: number; code?: number; err?: { code?: number } }[] })
      .writeErrors;
    if (!writeErrors) throw err;
    for (const w of writeErrors) {
      if ((w.code ?? w.err?.code) !== 11000) throw err;
      refused.add(w.index);
    }
  }
  return refused;
}
