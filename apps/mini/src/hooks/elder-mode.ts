import { useCallback, useState } from 'react';
import { readStored, writeStored } from '../platform';
import { ELDER_MODE_KEY, applyElderMode, phoneWantsLargeText } from '../platform/text-size';

/** 长辈模式: the person's own choice when they made one, else what the phone's text setting says. */
export function elderModeOn(): boolean {
  return readStored<boolean>(ELDER_MODE_KEY) ?? phoneWantsLargeText();
}

/** Saves the choice and applies it to the page now. */
export function setElderMode(on: boolean): void {
  writeStored(ELDER_MODE_KEY, on);
  applyElderMode(on);
}

/** The switch in 我的: current state and a setter that applies and remembers it. */
export function useElderMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(elderModeOn);
  const change = useCallback((next: boolean) => {
    setElderMode(next);
    setOn(next);
  }, []);
  return [on, change];
}
