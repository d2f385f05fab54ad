import type { ReopeningStrategy, RiskLevel } from '@fugong/contracts';

/**
 * How a county's small and medium firms return to work at its risk level (seed 004 §1 分区精准施策):
 * 低风险 — 全面复工复产, every firm may reopen; 中风险 — 有序复工复产, firms reopen in order, by
 * the list the county organises. §1 names no strategy for 高风险, so none is made up here: the
 * page says the policy is silent and the command's own instructions apply.
 */
export function reopeningStrategyFor(level: RiskLevel): ReopeningStrategy {
  if (level === 'low') return 'all_firms';
  if (level === 'medium') return 'orderly_by_list';
  return 'not_in_policy';
}
