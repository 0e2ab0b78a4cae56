'use client';

import { useEffect, useState } from 'react';
import { THEME_STORAGE_KEY, type ThemePreference } from './theme';

const NEXT: Record<ThemePreference, ThemePreference> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<ThemePreference, string> = { system: 'System', light: 'Light', dark: 'Dark' };

function readPreference(): ThemePreference {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system';
  }
}

function apply(preference: ThemePreference): void {
  const dark = preference === 'dark' || (preference === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}

/** Cycles System → Light → Dark; follows the OS while on System. */
export function ThemeToggle() {
  const [preference, setPreference] = useState<ThemePreference | null>(null);

  useEffect(() => {
    // Read after mount: the server cannot know the stored preference.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setPreference(readPreference());
  }, []);

  useEffect(() => {
    if (preference !== 'system') return;
    const media = matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => apply('system');
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, [preference]);

  const current = preference ?? 'system';
  return (
    <button
      type="button"
      className="theme-toggle"
      aria-label={`Colour theme: ${LABEL[current]}. Switch to ${LABEL[NEXT[current]]}.`}
      onClick={() => {
        const next = NEXT[current];
        try {
          if (next === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
          else localStorage.setItem(THEME_STORAGE_KEY, next);
        } catch {
          // Storage may be blocked; the theme still applies for this page.
        }
        apply(next);
        setPreference(next);
      }}
    >
      Theme: {LABEL[current]}
    </button>
  );
}
