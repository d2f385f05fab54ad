import { reopeningStrategyFor } from './reopening-strategy';

describe('reopening strategy by county risk level (seed 004 §1)', () => {
  it('when a county is 低风险, then all its firms may reopen; when 中风险, then in order by list', () => {
    expect(reopeningStrategyFor('low')).toBe('all_firms');
    expect(reopeningStrategyFor('medium')).toBe('orderly_by_list');
  });

  it('when a county is 高风险, then no strategy is claimed from §1, which names none', () => {
    expect(reopeningStrategyFor('high')).toBe('not_in_policy');
  });
});
