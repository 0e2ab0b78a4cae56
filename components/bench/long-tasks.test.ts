import { afterEach, describe, expect, it, vi } from 'vitest';
import { countLongTasks } from './long-tasks';

type Entry = { duration: number };

/** A stand-in for the browser's PerformanceObserver: `emit` delivers entries, `pending` waits for takeRecords. */
class FakeObserver {
  static instances: FakeObserver[] = [];
  static supportedEntryTypes: string[] = ['longtask'];
  pending: Entry[] = [];
  observing = false;
  constructor(private readonly callback: (list: { getEntries(): Entry[] }) => void) {
    FakeObserver.instances.push(this);
  }
  observe() {
    this.observing = true;
  }
  disconnect() {
    this.observing = false;
  }
  takeRecords() {
    return this.pending.splice(0);
  }
  emit(entries: Entry[]) {
    if (this.observing) this.callback({ getEntries: () => entries });
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeObserver.instances = [];
  FakeObserver.supportedEntryTypes = ['longtask'];
});

describe('countLongTasks', () => {
  it('counts tasks over 50 ms, delivered or still pending at stop, and the longest', async () => {
    vi.stubGlobal('PerformanceObserver', FakeObserver);
    const counter = countLongTasks();
    const observer = FakeObserver.instances[0]!;
    observer.emit([{ duration: 50 }, { duration: 63.4 }]);
    observer.pending.push({ duration: 120.6 });
    expect(await counter.stop()).toEqual({ count: 2, longestMs: 121 });
    expect(observer.observing).toBe(false);
    // Entries after the end are not counted.
    observer.emit([{ duration: 500 }]);
    expect(await counter.stop()).toEqual({ count: 2, longestMs: 121 });
  });

  it('says "not measured" (null) where the browser has no long-task entries', async () => {
    FakeObserver.supportedEntryTypes = ['mark', 'measure'];
    vi.stubGlobal('PerformanceObserver', FakeObserver);
    expect(await countLongTasks().stop()).toBeNull();
    vi.stubGlobal('PerformanceObserver', undefined);
    expect(await countLongTasks().stop()).toBeNull();
  });
});
