import type { Checkin, HealthCodeColor, Symptom } from '@fugong/contracts';
import { readStored, removeStored, writeStored } from '../../platform';

/** The check-in form as typed: temperature stays text until submitted. */
export interface CheckinDraft {
  temperature: string;
  symptoms: Symptom[];
  healthCode: HealthCodeColor | null;
  places: string[];
  arrivedFromOutsideProvince: boolean;
  arrivalDate: string;
}

export const EMPTY_DRAFT: CheckinDraft = {
  temperature: '',
  symptoms: [],
  healthCode: null,
  places: [],
  arrivedFromOutsideProvince: false,
  arrivalDate: '',
};

const key = (userId: string) => `fugong.checkin.draft.${userId}`;

/** The unsent draft, so an answer typed before the signal dropped is still there. */
export function loadDraft(userId: string): CheckinDraft | null {
  return readStored<CheckinDraft>(key(userId));
}

export function saveDraft(userId: string, draft: CheckinDraft): void {
  writeStored(key(userId), draft);
}

export function clearDraft(userId: string): void {
  removeStored(key(userId));
}

/**
 * Yesterday's answers as today's starting point. The temperature is left empty on purpose:
 * it must be measured again every day.
 */
export function draftFromLatest(latest: Checkin): CheckinDraft {
  return {
    temperature: '',
    symptoms: [...latest.symptoms],
    healthCode: latest.healthCode,
    places: [...latest.places],
    arrivedFromOutsideProvince: latest.arrivedFromOutsideProvince,
    arrivalDate: latest.arrivalDate ?? '',
  };
}
