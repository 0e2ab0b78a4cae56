'use client';

import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { COLUMN_CHOICE_KEY, parseColumnChoice, type ColumnChoice } from './column-choice';

const CHANGED = 'mlops-workbench:runs-columns-changed';
/** Kept when localStorage refuses a write (private mode, quota), so the choice still holds for this tab. */
let unsaved: string | null = null;

function read(): string | null {
  if (unsaved !== null) return unsaved;
  try {
    return window.localStorage.getItem(COLUMN_CHOICE_KEY);
  } catch {
    return null;
  }
}

function subscribe(onChange: () => void): () => void {
  const onStorage = (e: StorageEvent) => {
    if (e.key === COLUMN_CHOICE_KEY) onChange();
  };
  window.addEventListener('storage', onStorage);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener('storage', onStorage);
    window.removeEventListener(CHANGED, onChange);
  };
}

/** The learner's column choice, saved in localStorage and shared by every open runs table. */
export function useColumnChoice(): [ColumnChoice, (choice: ColumnChoice) => void] {
  const raw = useSyncExternalStore(subscribe, read, () => null);
  const choice = useMemo(() => parseColumnChoice(raw), [raw]);
  const save = useCallback((next: ColumnChoice) => {
    const value = JSON.stringify(next);
    try {
      window.localStorage.setItem(COLUMN_CHOICE_KEY, value);
      unsaved = null;
    } catch {
      unsaved = value;
    }
    window.dispatchEvent(new Event(CHANGED));
  }, []);
  return [choice, save];
}
