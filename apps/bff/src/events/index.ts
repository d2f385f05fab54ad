/** Cross-module "record changed" events: publishers announce, listeners subscribe. */
export {
  RecordEvents,
  NO_LISTENERS,
  type RecordEvent,
  type RecordEventType,
  type RecordEventPublisher,
} from './record-events';
