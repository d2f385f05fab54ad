/**
 * How `$expr` reaches the aggregation engine without the query layer importing it: agg/* builds
 * on the matcher ($match), so a direct import back from the matcher would make a module cycle.
 * agg/expressions registers its evaluator here when it loads.
 */
import { fail } from '../errors';

type Doc = Record<string, unknown>;
export type ExpressionEvaluator = (doc: Doc, expr: unknown, variables?: Doc) => unknown;

let evaluator: ExpressionEvaluator | undefined;

/** Called once by agg/expressions. */
export function registerExpressionEvaluator(fn: ExpressionEvaluator): void {
  evaluator = fn;
}

/** Evaluates an aggregation expression for `$expr`. */
export function evaluateQueryExpression(doc: Doc, expr: unknown, variables?: Doc): unknown {
  if (!evaluator) return fail('InternalError', '$expr used before the aggregation engine was loaded');
  return evaluator(doc, expr, variables);
}
