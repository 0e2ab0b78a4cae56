'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useEffect, useState, useSyncExternalStore } from 'react';
import {
  decodeOrigin,
  forgetOrigin,
  originLink,
  readLessonOrigin,
  rememberOrigin,
  resolveOrigin,
  sameOrigin,
  ORIGIN_STORAGE_KEY,
  type LessonOrigin,
  type OriginCatalog,
  type OriginStorage,
} from '@/lib/course/lesson-origin';

const CHANGED = 'mlops-workbench:lesson-origin-changed';

function storage(): OriginStorage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // Blocked storage: the link then lasts only while the URL names the lesson.
  }
}

/** The raw stored value, so useSyncExternalStore compares strings, not fresh objects. */
function readRaw(): string | null {
  try {
    return window.sessionStorage.getItem(ORIGIN_STORAGE_KEY);
  } catch {
    return null;
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CHANGED, onChange);
  return () => window.removeEventListener(CHANGED, onChange);
}

/**
 * "← Back to <lesson>" on every workbench page opened from a lesson. The origin comes from the
 * URL (`?from=<lesson>&ex=<exercise>`, added by the lesson's links) and is kept in this tab's
 * sessionStorage, so the link stays while the learner moves between workbench pages whose links
 * do not carry it. It goes away when dismissed, or when the tab closes; a link from another
 * lesson replaces it.
 */
export function LessonReturnLink({ catalog }: { catalog: OriginCatalog }) {
  const params = useSearchParams();
  const fromUrl = readLessonOrigin(params);
  const raw = useSyncExternalStore(subscribe, readRaw, () => null);
  const [dismissed, setDismissed] = useState<LessonOrigin | null>(null);
  const origin = resolveOrigin(fromUrl, decodeOrigin(raw), catalog);

  const urlLesson = fromUrl?.lessonId;
  const urlExercise = fromUrl?.exerciseId ?? null;
  useEffect(() => {
    if (!urlLesson || !Object.hasOwn(catalog, urlLesson)) return;
    // Going back in history to the link's URL must not bring a dismissed link back.
    const fresh = { lessonId: urlLesson, exerciseId: urlExercise };
    if (sameOrigin(fresh, dismissed)) return;
    if (rememberOrigin(storage(), fresh)) window.dispatchEvent(new Event(CHANGED));
  }, [urlLesson, urlExercise, catalog, dismissed]);

  if (!origin || sameOrigin(origin, dismissed)) return null;
  const link = originLink(origin, catalog);
  if (!link) return null;

  const dismiss = () => {
    forgetOrigin(storage());
    setDismissed(origin);
    window.dispatchEvent(new Event(CHANGED));
  };

  return (
    <nav className="container lesson-return" aria-label="Back to the lesson" data-testid="lesson-return">
      <Link href={link.href} prefetch={false} className="lesson-return-link" data-testid="lesson-return-link">
        <span aria-hidden="true">← </span>Back to {link.lessonTitle}
        {link.exerciseTitle && <span className="lesson-return-exercise">, exercise “{link.exerciseTitle}”</span>}
      </Link>
      <button type="button" className="lesson-return-dismiss" onClick={dismiss} aria-label={`Hide the link back to ${link.lessonTitle}`} data-testid="lesson-return-dismiss">
        <span aria-hidden="true">×</span>
      </button>
    </nav>
  );
}
