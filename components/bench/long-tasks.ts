/** Main-thread tasks over 50 ms seen while counting, and the longest one (ms). */
export interface LongTaskCount {
  count: number;
  longestMs: number;
}

/** A long-task count in progress: `stop` ends it and gives the figures; `cancel` only ends it. */
export interface LongTaskCounter {
  /** Null where this browser has no 'longtask' entries: "not measured", never a false 0. */
  stop(): Promise<LongTaskCount | null>;
  cancel(): void;
}

/** How long `stop` waits for entries of tasks that just ended: they reach observers a turn later. */
const SETTLE_MS = 50;

/**
 * Starts counting main-thread long tasks (PerformanceObserver 'longtask', entries over 50 ms) on
 * this page. Start it before the work begins: entries are not buffered for late observers here.
 */
export function countLongTasks(): LongTaskCounter {
  const supported = typeof PerformanceObserver !== 'undefined' && (PerformanceObserver.supportedEntryTypes ?? []).includes('longtask');
  if (!supported) return { stop: async () => null, cancel: () => undefined };
  const seen: LongTaskCount = { count: 0, longestMs: 0 };
  const take = (entries: PerformanceEntryList) => {
    for (const entry of entries) {
      if (entry.duration <= 50) continue;
      seen.count += 1;
      seen.longestMs = Math.max(seen.longestMs, Math.round(entry.duration));
    }
  };
  const observer = new PerformanceObserver((list) => take(list.getEntries()));
  observer.observe({ type: 'longtask' });
  let done = false;
  return {
    async stop() {
      if (done) return { ...seen };
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      take(observer.takeRecords());
      observer.disconnect();
      done = true;
      return { ...seen };
    },
    cancel() {
      observer.disconnect();
      done = true;
    },
  };
}
