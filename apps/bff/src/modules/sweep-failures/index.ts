export { SweepFailureRepository, type SweepFailureRecord } from './sweep-failure.repository';
export {
  SweepIsolation,
  IsolatedRun,
  DEFAULT_QUARANTINE_AFTER,
  type IsolationReport,
  type IsolationCounter,
} from './record-isolation';
