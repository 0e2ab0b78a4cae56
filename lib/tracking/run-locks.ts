import { RUN_LOCK_PREFIX } from './runs';

/** Holds a Web Lock named after the run until released; a no-op where Web Locks are missing. */
export function holdRunLock(runId: string): Promise<() => void> {
  if (typeof navigator === 'undefined' || !navigator.locks) return Promise.resolve(() => undefined);
  return new Promise((acquired) => {
    void navigator.locks.request(RUN_LOCK_PREFIX + runId, () => new Promise<void>((release) => acquired(() => release())));
  });
}

/** Ids of runs whose trainer is alive in some tab or worker of this browser. */
export async function activeRunIds(): Promise<Set<string>> {
  if (typeof navigator === 'undefined' || !navigator.locks) return new Set();
  const { held = [] } = await navigator.locks.query();
  return new Set(held.map((l) => l.name ?? '').filter((n) => n.startsWith(RUN_LOCK_PREFIX)).map((n) => n.slice(RUN_LOCK_PREFIX.length)));
}
