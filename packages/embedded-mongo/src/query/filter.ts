/**
 * The shapes a compiled filter is made of, shared by the matcher and the operator and text-search
 * compilers it calls (kept apart so those files import each other's values one way only).
 */
import type { Collation } from '../bson/collation';
import type { Doc } from '../bson/values';

/** Receives the array index of the first positional match of a successful filter. */
export interface MatchDetails {
  arrayIndex?: number;
  /** The document's `$text` score, when the filter has `$text`. */
  textScore?: number;
}

export type Matcher = (doc: Doc, details?: MatchDetails) => boolean;

export interface FilterOptions {
  /** Variables for $expr ($$NOW etc. are added by the evaluator). */
  variables?: Doc;
  /** String comparison for equality, ranges and $in (undefined: simple binary). */
  collation?: Collation;
  /** The collection's text index, which a `$text` query searches (see query/textSearch). */
  textIndex?: TextIndexSpec;
}

export type ValuePredicate = ((value: unknown) => boolean) & { lastElementIndex?: number };

/**
 * A compiled field predicate. `negated` predicates ($ne, $nin, $not, $exists:false) are
 * evaluated as "no value along the path satisfies the positive form".
 */
export interface FieldPredicate {
  test: ValuePredicate;
  /** Also try each element when the value at the path is an array. */
  expandArrays: boolean;
  negated: boolean;
}

export interface TextIndexSpec {
  /** Field path → weight; `$**` indexes every string field. */
  weights: Record<string, number>;
  defaultLanguage: string;
  languageOverride: string;
}
