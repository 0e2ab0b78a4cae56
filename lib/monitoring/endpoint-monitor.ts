/**
 * The monitor of one endpoint while traffic flows: answered rows go into their window, labels join
 * their rows when they arrive, and the windows that changed are summarised (recomputed from their
 * values) for the next flush. A window closes once simulated time passes its end; closed windows
 * still take late labels (realized performance, target drift) but no new rows.
 */
import type { LabelArrival, LoggedRow } from '../tracking/prediction-log-types';
import type { MonitorSettings, ReferenceProfile } from './profile-types';
import { summarizeWindow } from './window-summary';
import type { MonitorWindow } from './window-types';
import { WindowValues } from './window-values';

export class EndpointMonitor {
  private readonly open = new Map<number, WindowValues>();
  private readonly dirty = new Set<number>();
  /** Windows already reported closed (so each closes once). */
  private readonly closed = new Set<number>();

  constructor(
    readonly endpoint: string,
    readonly profile: ReferenceProfile,
    private settings: MonitorSettings,
  ) {}

  /** Changes the settings (a learner's new test or threshold): every open window is judged again. */
  setSettings(settings: MonitorSettings): void {
    this.settings = settings;
    for (const w of this.open.keys()) this.dirty.add(w);
  }

  /** The open state of `window`, made on first use with its simulated span. */
  valuesOf(window: number, span: { start: number; end: number }): WindowValues {
    let values = this.open.get(window);
    if (!values) {
      values = new WindowValues(this.profile.columns, window, span.start, span.end);
      this.open.set(window, values);
    }
    return values;
  }

  /** Adds the rows one version answered for one request (shadow rows are not production's answer and are skipped). */
  observe(rows: readonly LoggedRow[], span: { start: number; end: number }): void {
    for (const row of rows) {
      if (row.role !== 'answer') continue;
      this.valuesOf(row.window, span).add(row);
      this.dirty.add(row.window);
    }
  }

  /** Joins an arrived label to its row. */
  label(arrival: LabelArrival): void {
    const values = this.open.get(arrival.window);
    if (values?.addLabel(arrival.requestId, arrival.rowIndex, arrival.label)) this.dirty.add(arrival.window);
  }

  /**
   * Summaries of every window that changed since the last call, plus those whose end `simNow` has
   * passed (closed now). `closedNow` lists the windows that closed in this call, in order: what
   * alert rules evaluate next.
   */
  takeChanged(simNow: number, wallNow: number): { windows: MonitorWindow[]; closedNow: MonitorWindow[] } {
    for (const [index, values] of this.open) if (!this.closed.has(index) && simNow >= values.end) this.dirty.add(index);
    const windows: MonitorWindow[] = [];
    const closedNow: MonitorWindow[] = [];
    for (const index of [...this.dirty].sort((a, b) => a - b)) {
      const values = this.open.get(index);
      if (!values) continue;
      const isClosed = simNow >= values.end;
      const summary = summarizeWindow(this.endpoint, this.profile, this.settings, values, { closed: isClosed, now: wallNow });
      windows.push(summary);
      if (isClosed && !this.closed.has(index)) {
        this.closed.add(index);
        closedNow.push(summary);
      }
    }
    this.dirty.clear();
    return { windows, closedNow };
  }

  /** Marks windows as already closed and evaluated (a resumed replay's stored ones): they never close again. */
  markClosed(windows: Iterable<number>): void {
    for (const w of windows) this.closed.add(w);
  }

  /** Closes every open window (the replay ended: no more rows will come), whatever the clock says. */
  closeAll(wallNow: number): { windows: MonitorWindow[]; closedNow: MonitorWindow[] } {
    let latest = -Infinity;
    for (const values of this.open.values()) latest = Math.max(latest, values.end);
    return this.takeChanged(latest, wallNow);
  }
}
