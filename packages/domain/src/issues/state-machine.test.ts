import fc from 'fast-check';
import { ISSUE_STATES } from '@fugong/contracts';
import {
  InvalidTransitionError,
  allowedIssueActions,
  nextIssueState,
  statesAllowing,
  type IssueAction,
} from './state-machine';

const ACTIONS: IssueAction[] = ['accept', 'dispatch', 'transfer', 'answer', 'confirm', 'reopen'];

describe('issue state machine', () => {
  it('when an issue goes the happy path, then it ends confirmed', () => {
    let s = nextIssueState('submitted', 'accept');
    s = nextIssueState(s, 'dispatch');
    s = nextIssueState(s, 'transfer');
    s = nextIssueState(s, 'answer');
    expect(nextIssueState(s, 'confirm')).toBe('confirmed');
  });

  it('when an answer is rejected, then it is reopened and can be dispatched again', () => {
    expect(nextIssueState('answered', 'reopen')).toBe('reopened');
    expect(nextIssueState('reopened', 'dispatch')).toBe('dispatched');
  });

  it('when a submitted issue is answered directly, then the error names accept as the only allowed action', () => {
    const err = (() => {
      try {
        nextIssueState('submitted', 'answer');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(InvalidTransitionError);
    expect((err as InvalidTransitionError).allowed).toEqual(['accept']);
    expect((err as InvalidTransitionError).code).toBe('INVALID_TRANSITION');
  });

  it('when an issue is confirmed, then nothing more is allowed', () => {
    expect(allowedIssueActions('confirmed')).toEqual([]);
    expect(() => nextIssueState('confirmed', 'reopen')).toThrow(InvalidTransitionError);
  });

  it('when any state and action are combined, then the move is allowed exactly when the guard lists that state', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ISSUE_STATES), fc.constantFrom(...ACTIONS), (state, action) => {
        const allowed = statesAllowing(action).includes(state);
        expect(allowedIssueActions(state).includes(action)).toBe(allowed);
        if (allowed) expect(ISSUE_STATES).toContain(nextIssueState(state, action));
        else expect(() => nextIssueState(state, action)).toThrow(InvalidTransitionError);
      }),
    );
  });
});
