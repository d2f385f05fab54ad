/**
 * 管家指派 (steward assignments): which steward serves which firm, now and before. A base fact the
 * other enterprise-side modules stand on: the registry's scope rule (a steward acts for the firms
 * assigned to them), issues and visits (only a firm's own steward may act), call-backs (the rating
 * goes to the firm's current steward), the stewards' console (which writes it) and the dashboard's
 * rollups. So it sits below all of them and imports none. What other modules may use — the
 * repository and its record type (the container opens one and hands it round). Publishes nothing:
 * the stewards' services announce each change.
 */
export { AssignmentRepository, type AssignmentRecord } from './assignment.repository';
