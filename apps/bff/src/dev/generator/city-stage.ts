import type { Container } from '../../container';
import type { Progress } from './bulk';
import type { CityPlan } from './city-plan';
import type { FirmFacts } from './generate-firms';
import type { Rng } from './random';

/** What a stage after the firms is given: the city so far, its plan and the shared random stream. */
export interface CityStage {
  c: Container;
  plan: CityPlan;
  r: Rng;
  seed: number;
  firms: FirmFacts[];
  endDay: string;
  progress: Progress;
}
