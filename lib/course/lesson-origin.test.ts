import { describe, expect, it } from 'vitest';
import {
  decodeOrigin,
  encodeOrigin,
  exerciseAnchor,
  forgetOrigin,
  isWorkbenchHref,
  originCatalog,
  originLink,
  readLessonOrigin,
  rememberOrigin,
  resolveOrigin,
  sameOrigin,
  withLessonOrigin,
  ORIGIN_STORAGE_KEY,
  type OriginCatalog,
  type OriginStorage,
} from './lesson-origin';
import type { LessonOutline } from './outline';

const catalog: OriginCatalog = {
  'your-first-model': { title: 'Your first model (level 0)', exercises: { 'first-run': 'Train your first model' } },
  'model-registry': { title: 'The model registry', exercises: {} },
};

function fakeStorage(): OriginStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const refusing: OriginStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

describe('withLessonOrigin', () => {
  const from = { lessonId: 'your-first-model', exerciseId: null };

  it('appends the lesson to a workbench link, keeping its presets byte for byte and its hash last', () => {
    expect(withLessonOrigin('/workbench/train?dataset=flights&target=delay&epochs=20', from)).toBe('/workbench/train?dataset=flights&target=delay&epochs=20&from=your-first-model');
    expect(withLessonOrigin('/workbench/runs?filter=params.target%20%3D%20%22delayed%22', from)).toBe('/workbench/runs?filter=params.target%20%3D%20%22delayed%22&from=your-first-model');
    expect(withLessonOrigin('/workbench/models', from)).toBe('/workbench/models?from=your-first-model');
    expect(withLessonOrigin('/workbench/runs#table', from)).toBe('/workbench/runs?from=your-first-model#table');
    expect(withLessonOrigin('/workbench/runs?', from)).toBe('/workbench/runs?from=your-first-model');
  });

  it('adds the exercise when the link sits on an exercise card', () => {
    expect(withLessonOrigin('/workbench/train?dataset=flights', { lessonId: 'your-first-model', exerciseId: 'first-run' })).toBe('/workbench/train?dataset=flights&from=your-first-model&ex=first-run');
  });

  it('leaves other links, and links that already name an origin, alone', () => {
    for (const href of ['/lessons/maturity-model', 'https://mlflow.org/docs', '#objectives', '/workbenchy', 'mailto:a@b.c']) expect(withLessonOrigin(href, from)).toBe(href);
    expect(withLessonOrigin('/workbench/runs?from=model-registry', from)).toBe('/workbench/runs?from=model-registry');
  });

  it('refuses to write an id that is not kebab-case into a link', () => {
    expect(withLessonOrigin('/workbench/runs', { lessonId: 'x&y=1', exerciseId: null })).toBe('/workbench/runs');
    expect(withLessonOrigin('/workbench/runs', { lessonId: 'ok', exerciseId: 'Bad Id' })).toBe('/workbench/runs?from=ok');
  });

  it('knows workbench links', () => {
    expect(['/workbench', '/workbench/train', '/workbench?x=1', '/workbench#a'].map(isWorkbenchHref)).toEqual([true, true, true, true]);
    expect(['/workbenches', '/lessons/x', 'workbench/train'].map(isWorkbenchHref)).toEqual([false, false, false]);
  });
});

describe('readLessonOrigin', () => {
  it('reads the lesson and exercise from the URL, and round-trips what withLessonOrigin wrote', () => {
    const href = withLessonOrigin('/workbench/train?dataset=flights', { lessonId: 'your-first-model', exerciseId: 'first-run' });
    expect(readLessonOrigin(new URL(href, 'https://x.test').searchParams)).toEqual({ lessonId: 'your-first-model', exerciseId: 'first-run' });
    expect(readLessonOrigin(new URLSearchParams('from=model-registry'))).toEqual({ lessonId: 'model-registry', exerciseId: null });
  });

  it('ignores a missing or malformed lesson, and a malformed exercise', () => {
    expect(readLessonOrigin(new URLSearchParams('dataset=flights'))).toBeNull();
    expect(readLessonOrigin(new URLSearchParams('from=<script>'))).toBeNull();
    expect(readLessonOrigin(new URLSearchParams('from=model-registry&ex=../x'))).toEqual({ lessonId: 'model-registry', exerciseId: null });
  });
});

describe('stored origin', () => {
  it('round-trips through JSON and rejects anything else', () => {
    const origin = { lessonId: 'your-first-model', exerciseId: 'first-run' };
    expect(decodeOrigin(encodeOrigin(origin))).toEqual(origin);
    for (const raw of [null, '', 'nope', '42', 'null', '{"lessonId":"Bad Id"}', '{"exerciseId":"first-run"}']) expect(decodeOrigin(raw)).toBeNull();
    expect(decodeOrigin('{"lessonId":"model-registry","exerciseId":7}')).toEqual({ lessonId: 'model-registry', exerciseId: null });
  });

  it('remembers and forgets in sessionStorage under one key', () => {
    const storage = fakeStorage();
    expect(rememberOrigin(storage, { lessonId: 'model-registry', exerciseId: null })).toBe(true);
    expect(decodeOrigin(storage.getItem(ORIGIN_STORAGE_KEY))).toEqual({ lessonId: 'model-registry', exerciseId: null });
    forgetOrigin(storage);
    expect(storage.data.size).toBe(0);
  });

  it('survives storage that is missing or refuses (private mode, blocked cookies)', () => {
    expect(rememberOrigin(refusing, { lessonId: 'model-registry', exerciseId: null })).toBe(false);
    expect(rememberOrigin(null, { lessonId: 'model-registry', exerciseId: null })).toBe(false);
    expect(() => forgetOrigin(refusing)).not.toThrow();
    expect(() => forgetOrigin(null)).not.toThrow();
  });
});

describe('resolveOrigin', () => {
  const url = { lessonId: 'your-first-model', exerciseId: 'first-run' };
  const stored = { lessonId: 'model-registry', exerciseId: null };

  it('prefers a fresh link from a lesson over the stored origin, and falls back to the stored one', () => {
    expect(resolveOrigin(url, stored, catalog)).toEqual(url);
    expect(resolveOrigin(null, stored, catalog)).toEqual(stored);
    expect(resolveOrigin(null, null, catalog)).toBeNull();
  });

  it('ignores lessons the course does not have', () => {
    expect(resolveOrigin({ lessonId: 'gone', exerciseId: null }, stored, catalog)).toEqual(stored);
    expect(resolveOrigin(null, { lessonId: 'gone', exerciseId: null }, catalog)).toBeNull();
    expect(resolveOrigin({ lessonId: 'constructor', exerciseId: null }, null, catalog)).toBeNull();
  });

  it('compares origins by lesson and exercise', () => {
    expect(sameOrigin(url, { ...url })).toBe(true);
    expect(sameOrigin(url, { ...url, exerciseId: null })).toBe(false);
    expect(sameOrigin(null, null)).toBe(false);
  });
});

describe('originLink', () => {
  it('returns to the exercise card when the exercise is known', () => {
    expect(originLink({ lessonId: 'your-first-model', exerciseId: 'first-run' }, catalog)).toEqual({
      href: `/lessons/your-first-model#${exerciseAnchor('first-run')}`,
      lessonTitle: 'Your first model (level 0)',
      exerciseTitle: 'Train your first model',
    });
    expect(exerciseAnchor('first-run')).toBe('exercise-first-run-card');
  });

  it('returns to the top of the lesson without an exercise, or for an unknown one; null for an unknown lesson', () => {
    expect(originLink({ lessonId: 'your-first-model', exerciseId: null }, catalog)).toEqual({ href: '/lessons/your-first-model', lessonTitle: 'Your first model (level 0)', exerciseTitle: null });
    expect(originLink({ lessonId: 'your-first-model', exerciseId: 'gone' }, catalog)?.href).toBe('/lessons/your-first-model');
    expect(originLink({ lessonId: 'gone', exerciseId: null }, catalog)).toBeNull();
  });

  it('builds the catalog from the course outline', () => {
    const outline: LessonOutline = { id: 'a', week: 1, order: 1, title: 'A', minutes: 5, maturityLevel: 0, exercises: [{ id: 'q', title: 'Q', required: true }] };
    expect(originCatalog([outline])).toEqual({ a: { title: 'A', exercises: { q: 'Q' } } });
  });
});
