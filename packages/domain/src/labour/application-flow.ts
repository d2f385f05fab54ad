/**
 * 先寻岗、再定岗、后到岗 (seed 003) as a state machine. Each step names who may take it and the
 * states it may start from; the BFF writes a step with those states in its update filter, so two
 * taps (or two people) can never both move one application.
 */
export type ApplicationState =
  | 'applied'
  | 'shortlisted'
  | 'interview'
  | 'offered'
  | 'accepted'
  | 'arrived'
  | 'rejected'
  | 'withdrawn'
  | 'declined';

export type ApplicationStep =
  'shortlist' | 'interview' | 'offer' | 'accept' | 'decline' | 'withdraw' | 'reject' | 'arrive';

export interface StepRule {
  by: 'seeker' | 'firm';
  from: readonly ApplicationState[];
  to: ApplicationState;
}

export const APPLICATION_STEPS: Record<ApplicationStep, StepRule> = {
  shortlist: { by: 'firm', from: ['applied'], to: 'shortlisted' },
  // An interview may be rescheduled: a second one replaces the first.
  interview: { by: 'firm', from: ['shortlisted', 'interview'], to: 'interview' },
  offer: { by: 'firm', from: ['interview'], to: 'offered' },
  accept: { by: 'seeker', from: ['offered'], to: 'accepted' },
  decline: { by: 'seeker', from: ['offered'], to: 'declined' },
  withdraw: { by: 'seeker', from: ['applied', 'shortlisted', 'interview'], to: 'withdrawn' },
  reject: { by: 'firm', from: ['applied', 'shortlisted', 'interview'], to: 'rejected' },
  arrive: { by: 'firm', from: ['accepted'], to: 'arrived' },
};

/** Applications still in play: they hold the seeker's place and count as "active". */
export const ACTIVE_APPLICATION_STATES: readonly ApplicationState[] = [
  'applied',
  'shortlisted',
  'interview',
  'offered',
];

/** The steps open to one side from a state (the buttons a page shows). */
export function stepsFrom(state: ApplicationState, by: 'seeker' | 'firm'): ApplicationStep[] {
  return (Object.keys(APPLICATION_STEPS) as ApplicationStep[]).filter(
    (s) => APPLICATION_STEPS[s].by === by && APPLICATION_STEPS[s].from.includes(state),
  );
}

/** Steps that release the offer's reserved headcount when they leave the offered state. */
export function releasesOffer(step: ApplicationStep): boolean {
  return step === 'decline';
}
