import type { Task } from '../data/datasets/catalog';
import type { IssueKind, TrafficWindow, VersionWindowStats } from '../tracking/serving-types';
import { createStatsAccumulator, liveMetric, type RequestOutcome, type StatsAccumulator } from './window-stats';

/** One window being filled by a replay: its accumulators per version, issue counts and shadow agreement. */
interface OpenWindow {
  window: number;
  start: number;
  end: number;
  requests: number;
  rows: number;
  loggedRows: number;
  answer: Map<number, StatsAccumulator>;
  shadow: Map<number, StatsAccumulator>;
  issues: Partial<Record<IssueKind, number>>;
  compared: number;
  agreed: number;
  /** What the window held before a resumed replay took it over (null for a fresh window). */
  base: TrafficWindow | null;
}

/**
 * One version's stats over a window that a resumed replay continues: counts and label sums add;
 * latency percentiles cannot be merged from two summaries, so each is the larger of the two (an
 * upper bound, exact when one side is empty).
 */
function mergeStats(task: Task, a: VersionWindowStats | undefined, b: VersionWindowStats | undefined): VersionWindowStats {
  if (!a) return b!;
  if (!b || b.requests + b.labelled === 0) return a;
  const labelled = a.labelled + b.labelled;
  const metricSum = a.metricSum + b.metricSum;
  return {
    requests: a.requests + b.requests,
    rows: a.rows + b.rows,
    errors: a.errors + b.errors,
    refused: a.refused + b.refused,
    rejected: a.rejected + b.rejected,
    flagged: a.flagged + b.flagged,
    p50Ms: a.requests === 0 ? b.p50Ms : b.requests === 0 ? a.p50Ms : Math.max(a.p50Ms, b.p50Ms),
    p95Ms: a.requests === 0 ? b.p95Ms : b.requests === 0 ? a.p95Ms : Math.max(a.p95Ms, b.p95Ms),
    p99Ms: a.requests === 0 ? b.p99Ms : b.requests === 0 ? a.p99Ms : Math.max(a.p99Ms, b.p99Ms),
    labelled,
    metricSum,
    metricSumSq: a.metricSumSq + b.metricSumSq,
    metric: liveMetric(task, metricSum, labelled),
  };
}

function mergeByVersion(task: Task, base: Record<string, VersionWindowStats>, now: Record<string, VersionWindowStats>): Record<string, VersionWindowStats> {
  const keys = [...new Set([...Object.keys(base), ...Object.keys(now)])].sort((x, y) => Number(x) - Number(y));
  return Object.fromEntries(keys.map((k) => [k, mergeStats(task, base[k], now[k])]));
}

/**
 * The windows of one replay (one a simulated day), filled request by request and label by label,
 * summarised as stored `TrafficWindow` rows. Windows stay open for the whole replay because labels
 * arrive after a delay and belong to the window of the request they label.
 */
export class ReplayWindows {
  private readonly open = new Map<number, OpenWindow>();
  private readonly dirty = new Set<number>();

  constructor(
    private readonly endpoint: string,
    private readonly source: string,
    private readonly task: Task,
  ) {}

  private get(window: number, start: number, end: number): OpenWindow {
    let w = this.open.get(window);
    if (!w) {
      w = { window, start, end, requests: 0, rows: 0, loggedRows: 0, answer: new Map(), shadow: new Map(), issues: {}, compared: 0, agreed: 0, base: null };
      this.open.set(window, w);
    }
    this.dirty.add(window);
    return w;
  }

  private accumulator(map: Map<number, StatsAccumulator>, version: number): StatsAccumulator {
    let acc = map.get(version);
    if (!acc) {
      acc = createStatsAccumulator(this.task);
      map.set(version, acc);
    }
    return acc;
  }

  /** Takes over windows a replay wrote before it was interrupted: their figures carry on from what is stored. */
  resume(stored: readonly TrafficWindow[]): void {
    for (const base of stored) {
      this.open.set(base.window, { window: base.window, start: base.start, end: base.end, requests: 0, rows: 0, loggedRows: 0, answer: new Map(), shadow: new Map(), issues: {}, compared: 0, agreed: 0, base });
    }
  }

  /** Counts one request answered by `version` (or seen by it as a shadow) in its window. */
  addRequest(window: number, span: { start: number; end: number }, version: number, role: 'answer' | 'shadow', outcome: RequestOutcome, issues: readonly IssueKind[], loggedRows: number): void {
    const w = this.get(window, span.start, span.end);
    this.accumulator(role === 'answer' ? w.answer : w.shadow, version).add(outcome);
    if (role === 'answer') {
      w.requests += 1;
      w.rows += outcome.rows;
      for (const kind of issues) w.issues[kind] = (w.issues[kind] ?? 0) + 1;
    }
    w.loggedRows += loggedRows;
  }

  /** Counts one shadow row compared with the answer. */
  addAgreement(window: number, agreed: boolean): void {
    const w = this.open.get(window);
    if (!w) return;
    this.dirty.add(window);
    w.compared += 1;
    if (agreed) w.agreed += 1;
  }

  /** Adds one labelled row's loss to the version that answered it (or shadowed it) in its window. */
  addLabel(window: number, version: number, role: 'answer' | 'shadow', loss: number): void {
    const w = this.open.get(window);
    if (!w) return;
    this.dirty.add(window);
    this.accumulator(role === 'answer' ? w.answer : w.shadow, version).addLabel(loss);
  }

  /** Summaries of the windows changed since the last call (for the next flush), and forgets that they changed. */
  takeChanged(): TrafficWindow[] {
    const out = [...this.dirty].sort((a, b) => a - b).map((i) => this.summary(this.open.get(i)!));
    this.dirty.clear();
    return out;
  }

  /** The summary of one window, or null when it saw nothing yet. */
  summaryOf(window: number): TrafficWindow | null {
    const w = this.open.get(window);
    return w ? this.summary(w) : null;
  }

  private summary(w: OpenWindow): TrafficWindow {
    const fresh = this.freshSummary(w);
    const base = w.base;
    if (!base) return fresh;
    const issues: Partial<Record<IssueKind, number>> = { ...base.issues };
    for (const [k, v] of Object.entries(fresh.issues) as Array<[IssueKind, number]>) issues[k] = (issues[k] ?? 0) + v;
    const agreement = base.shadowAgreement || fresh.shadowAgreement ? { compared: (base.shadowAgreement?.compared ?? 0) + (fresh.shadowAgreement?.compared ?? 0), agreed: (base.shadowAgreement?.agreed ?? 0) + (fresh.shadowAgreement?.agreed ?? 0) } : null;
    return {
      ...fresh,
      requests: base.requests + fresh.requests,
      rows: base.rows + fresh.rows,
      byVersion: mergeByVersion(this.task, base.byVersion, fresh.byVersion),
      shadowByVersion: mergeByVersion(this.task, base.shadowByVersion, fresh.shadowByVersion),
      issues,
      shadowAgreement: agreement,
      loggedRows: base.loggedRows + fresh.loggedRows,
    };
  }

  private freshSummary(w: OpenWindow): TrafficWindow {
    const stats = (map: Map<number, StatsAccumulator>) => Object.fromEntries([...map.entries()].sort((a, b) => a[0] - b[0]).map(([v, acc]) => [String(v), acc.toStats()]));
    return {
      endpoint: this.endpoint,
      window: w.window,
      source: this.source,
      start: w.start,
      end: w.end,
      requests: w.requests,
      rows: w.rows,
      byVersion: stats(w.answer),
      shadowByVersion: stats(w.shadow),
      issues: { ...w.issues },
      shadowAgreement: w.compared > 0 ? { compared: w.compared, agreed: w.agreed } : null,
      loggedRows: w.loggedRows,
    };
  }
}
