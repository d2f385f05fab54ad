import { CHECKLIST_ITEMS, type IssueDraft } from '@fugong/contracts';
import { readStored, removeStored, writeStored } from '../../../platform';

export type ChecklistStatus = 'met' | 'not_met' | 'na';

/** A visit being written: kept on the phone after every change, so losing the network loses nothing. */
export interface VisitDraft {
  place: string;
  /** From the phone's GPS when the steward allowed it; null otherwise (never required). */
  location?: { lat: number; lng: number } | null;
  findings: string;
  checklist: Record<string, { status: ChecklistStatus | null; note: string }>;
  problems: IssueDraft[];
  /**
   * The Idempotency-Key of a send whose outcome is unknown, with the payload it was for. Kept in
   * the draft so a retry after reopening the page cannot create the visit (and its issues) twice.
   */
  pending?: { payload: string; key: string } | null;
}

const keyFor = (enterpriseId: string) => `visit-draft:${enterpriseId}`;

export function emptyDraft(): VisitDraft {
  return {
    place: '',
    findings: '',
    checklist: Object.fromEntries(CHECKLIST_ITEMS.map((i) => [i.key, { status: null, note: '' }])),
    problems: [],
  };
}

/** The saved draft for this firm, or a fresh one. */
export function loadDraft(enterpriseId: string): VisitDraft {
  const saved = readStored<VisitDraft>(keyFor(enterpriseId));
  return saved
    ? { ...emptyDraft(), ...saved, checklist: { ...emptyDraft().checklist, ...saved.checklist } }
    : emptyDraft();
}

export function saveDraft(enterpriseId: string, draft: VisitDraft): boolean {
  return writeStored(keyFor(enterpriseId), draft);
}

export function clearDraft(enterpriseId: string): void {
  removeStored(keyFor(enterpriseId));
}

/** The draft as the API wants it; unanswered checklist items stay null so validation names them. */
export function toVisitInput(enterpriseId: string, draft: VisitDraft) {
  return {
    enterpriseId,
    place: draft.place,
    location: draft.location ?? null,
    findings: draft.findings,
    checklist: CHECKLIST_ITEMS.map((i) => ({
      key: i.key,
      status: draft.checklist[i.key]?.status,
      note: draft.checklist[i.key]?.note ?? '',
    })),
    problems: draft.problems,
  };
}
