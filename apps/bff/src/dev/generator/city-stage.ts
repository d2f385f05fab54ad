import type { Connection } from 'mongoose';
import type { Container } from '../../container';
import type { StoredModels } from './stored-models';
import type { Progress } from './bulk';
import type { CityPlan } from './city-plan';
import type { FirmFacts } from './generate-firms';
import type { Rng } from './random';

/** What a stage after the firms is given: the city so far, its plan and the shared random stream. */
export interface CityStage {
  c: Container;
  /** The connection and the stored-shape models the generator bulk-fills (see stored-models.ts). */
  conn: Connection;
  models: StoredModels;
  plan: CityPlan;
  r: Rng;
  seed: number;
  firms: FirmFacts[];
  endDay: string;
  progress: Progress;
}
