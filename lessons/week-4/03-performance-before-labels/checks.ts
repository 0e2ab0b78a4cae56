// The workbench check of "Performance before the labels": a pure function of a WorkbenchSnapshot.
import type { CheckResult, SnapshotMonitorWindow, SnapshotReplay, WorkbenchSnapshot } from '@/lib/course/types';
import { count, fixed3, isLive, latest, named, plural, scenarioTitle, windowsOfReplay } from '../monitoring';

/** Metrics an estimate is judged on, and which way is worse. */
export const JUDGED_METRICS: Readonly<Record<string, 'lower' | 'higher'>> = { accuracy: 'lower', mae: 'higher', rmse: 'higher' };
/** The estimate must have moved by more than this many sampling errors (at the later window's size). */
export const SAMPLING_ERRORS = 2;

const LABEL: Record<string, string> = { accuracy: 'accuracy', mae: 'MAE', rmse: 'RMSE' };

/** One metric's estimate in one window, with what the labels said. */
interface Point {
  window: number;
  value: number;
  samplingError: number | null;
  realized: number | null;
}

/** Two windows of one replay, `a` before `b`, compared on one metric. */
export interface EstimateComparison {
  endpoint: string;
  replay: SnapshotReplay;
  metric: string;
  a: Point;
  b: Point;
  /** How much worse the estimate is in b than in a (positive: worse). */
  decline: number;
  /** `decline` in sampling errors of b (Infinity when that error is 0 and the decline positive). */
  errors: number;
  /** Whether the labels say b is worse than a; null while either realized value is unknown. */
  confirmed: boolean | null;
}

function pointOf(w: SnapshotMonitorWindow, metric: string): Point | null {
  const m = w.estimated.find((e) => e.metric === metric);
  if (!m || m.value === null || !Number.isFinite(m.value)) return null;
  const realized = m.realized ?? (w.realized?.metric === metric ? w.realized.value : null);
  return { window: w.window, value: m.value, samplingError: m.samplingError, realized: realized !== null && Number.isFinite(realized) ? realized : null };
}

/** Every pair of closed windows a < b of each replay, on each judged metric both estimate. */
export function comparisons(snapshot: WorkbenchSnapshot): EstimateComparison[] {
  const out: EstimateComparison[] = [];
  for (const replay of snapshot.replays) {
    const windows = windowsOfReplay(snapshot, replay).filter((w) => w.closed);
    for (const [metric, worse] of Object.entries(JUDGED_METRICS)) {
      const points = windows.map((w) => pointOf(w, metric)).filter((p): p is Point => p !== null);
      for (let i = 0; i < points.length; i++) {
        for (let j = i + 1; j < points.length; j++) {
          const a = points[i]!;
          const b = points[j]!;
          if (b.samplingError === null || !Number.isFinite(b.samplingError)) continue;
          const sign = worse === 'lower' ? -1 : 1;
          const decline = sign * (b.value - a.value);
          const errors = b.samplingError > 0 ? decline / b.samplingError : decline > 0 ? Number.POSITIVE_INFINITY : 0;
          const confirmed = a.realized === null || b.realized === null ? null : sign * (b.realized - a.realized) > 0;
          out.push({ endpoint: replay.endpoint, replay, metric, a, b, decline, errors, confirmed });
        }
      }
    }
  }
  return out;
}

const significant = (c: EstimateComparison) => c.decline > SAMPLING_ERRORS * (c.b.samplingError ?? Number.POSITIVE_INFINITY);
/** The most telling comparison: the largest move in sampling errors, then the largest decline. */
const best = (cs: readonly EstimateComparison[]) => [...cs].sort((x, y) => y.errors - x.errors || y.decline - x.decline)[0];

function moved(c: EstimateComparison): string {
  const label = LABEL[c.metric] ?? c.metric;
  const direction = JUDGED_METRICS[c.metric] === 'lower' ? 'fell' : 'rose';
  const times = Number.isFinite(c.errors) ? `${c.errors.toFixed(1)} times` : 'far beyond';
  return `the estimated ${label} ${direction} from ${fixed3(c.a.value)} in window ${c.a.window} to ${fixed3(c.b.value)} in window ${c.b.window}: ${fixed3(c.decline)} worse, ${times} its sampling error at window ${c.b.window} (${fixed3(c.b.samplingError!)})`;
}

/**
 * Estimate before labels: passes when, on some endpoint, two closed monitoring windows a < b of
 * the same replay's range both estimate one of accuracy, MAE or RMSE, the estimate in b is worse
 * than in a (lower accuracy, higher MAE or RMSE) by more than 2 × b's sampling error, and the
 * realized value (labels) in b is worse than in a as well: the estimate saw the drop and the
 * labels confirmed it. Feedback quotes the numbers with three decimals. Not gradable until some
 * closed window has an estimate. Pure: reads `replays` and `monitorWindows`.
 */
export function checkEstimateBeforeLabels(snapshot: WorkbenchSnapshot): CheckResult {
  const all = comparisons(snapshot);
  const pass = best(all.filter((c) => significant(c) && c.confirmed === true));
  if (pass) {
    const label = LABEL[pass.metric] ?? pass.metric;
    return {
      passed: true,
      feedback: `On ${named(pass.endpoint)}, ${moved(pass)}, more than the ${SAMPLING_ERRORS} × needed, from the model’s outputs alone. The labels, arriving later, confirmed it: the realized ${label} went from ${fixed3(pass.a.realized!)} to ${fixed3(pass.b.realized!)}. That is the warning you get before the truth arrives.`,
    };
  }

  const estimated = snapshot.monitorWindows.filter((w) => w.closed && Object.keys(JUDGED_METRICS).some((m) => pointOf(w, m) !== null));
  if (estimated.length === 0) {
    const running = latest(snapshot.replays.filter(isLive), (r) => r.startedAt);
    const closedAny = snapshot.monitorWindows.some((w) => w.closed);
    return {
      passed: false,
      notGradable: true,
      feedback: running
        ? `The ${scenarioTitle(running.scenario)} replay on ${named(running.endpoint)} is still running (${count(running.requestsDone)} of ${plural(running.requestsTotal, 'request')}). Estimates appear as its windows close; check again when it has finished.`
        : closedAny
          ? 'Your monitoring windows have no estimated accuracy, MAE or RMSE: the estimator could not be fitted for the model that served them. The note under “Estimated and realized performance” on the Monitoring tab says why; serve a model trained in the workbench and replay traffic again.'
          : 'No monitored traffic yet. Play production traffic on your endpoint; each simulated day becomes a window, with its performance estimated before the labels arrive.',
    };
  }
  if (all.length === 0)
    return {
      passed: false,
      feedback: 'Each of your replays has at most one window with an estimate, so there is nothing to compare. Play a replay of 14 days, with the drift starting halfway.',
    };
  const waiting = best(all.filter((c) => significant(c) && c.confirmed === null));
  const refuted = best(all.filter((c) => significant(c) && c.confirmed === false));
  if (refuted && !waiting) {
    const label = LABEL[refuted.metric] ?? refuted.metric;
    return {
      passed: false,
      feedback: `On ${named(refuted.endpoint)}, ${moved(refuted)}. But the labels did not confirm it: the realized ${label} went from ${fixed3(refuted.a.realized!)} to ${fixed3(refuted.b.realized!)}, no worse. An estimate can be wrong, for instance when the meaning of the inputs changed (concept drift) or when the scores are not calibrated for this traffic. Try a covariate shift of an input the model relies on.`,
    };
  }
  if (waiting)
    return {
      passed: false,
      feedback: `On ${named(waiting.endpoint)}, ${moved(waiting)}. The labels have not confirmed it yet: window ${waiting.b.realized === null ? waiting.b.window : waiting.a.window} has no realized value. Labels arrive hours after the predictions; let the replay finish and check again, or compare with an earlier window.`,
    };
  const top = best(all)!;
  const label = LABEL[top.metric] ?? top.metric;
  return {
    passed: false,
    feedback:
      top.decline > 0
        ? `The largest move on ${named(top.endpoint)}: ${moved(top)}. That is within ${SAMPLING_ERRORS} sampling errors, where noise alone can take it. Play a covariate shift of an input the model relies on, strong enough to move its outputs (a magnitude of 3 standard deviations), and compare a window before the drift with one after.`
        : `No estimated ${label} on ${named(top.endpoint)} got worse from one window to a later one of the same replay. Play a covariate shift of an input the model relies on, strong enough to move its outputs (a magnitude of 3 standard deviations), and compare a window before the drift with one after.`,
  };
}
