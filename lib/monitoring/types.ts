/**
 * Shared shapes of monitoring: per-column drift results, data quality, estimated performance,
 * alert rules and alerts, and the exported report. Plain data only (they are stored in IndexedDB
 * and cross worker boundaries by structured clone).
 */
import type { ColumnKind } from '../drift/samples';

/** Every drift test a column can be judged by (Evidently's stattest names). */
export type DriftTestName = 'ks' | 'chisquare' | 'z' | 'wasserstein' | 'jensenshannon' | 'psi';

/** The verdict on one column (or on predictions, or on the target). */
export interface ColumnDriftResult {
  column: string;
  kind: ColumnKind;
  test: DriftTestName;
  /** Human name: "Kolmogorov–Smirnov", "Wasserstein (normed)", … */
  testLabel: string;
  /** What `score` is: a p-value (ks, chisquare, z) or a distance (wasserstein, jensenshannon, psi). */
  scoreKind: 'p-value' | 'distance';
  /** The test statistic (KS D, χ², z) for p-value tests; equal to `score` for distances. */
  statistic: number;
  /** The p-value or the distance the verdict compares with the threshold. */
  score: number;
  threshold: number;
  drifted: boolean;
  /** Why this test was chosen, in one sentence ("reference has 4,000 rows (> 1,000) and 312 unique values: normed Wasserstein"). */
  reason: string;
  referenceRows: number;
  currentRows: number;
  /** Unique values over both samples (what the selection rule counts). */
  uniqueValues: number;
}

/** Dataset drift: the share of drifted columns against the share that makes the dataset drift. */
export interface DatasetDriftResult {
  driftedColumns: number;
  totalColumns: number;
  /** driftedColumns / totalColumns (0 when there are no columns). */
  share: number;
  /** The share at or above which the dataset drifts (0.5). */
  threshold: number;
  drifted: boolean;
}

/** Data quality of one column in one sample. */
export interface ColumnQuality {
  column: string;
  kind: ColumnKind;
  rows: number;
  missing: number;
  /** missing / rows (0 when rows is 0). */
  missingShare: number;
  /** Numerical: over finite values; null when none. */
  min: number | null;
  max: number | null;
  mean: number | null;
  std: number | null;
  /** Distinct present values. */
  unique: number;
  /** Categorical: the most frequent values with counts (at most 10). */
  top: Array<{ value: string; count: number }>;
}

/** Estimated performance of one window (CBPE or DLE) with its band from the reference. */
export interface EstimatedMetric {
  metric: 'accuracy' | 'f1' | 'roc_auc' | 'mae' | 'rmse';
  /** The estimate for the window (null when the window has no scored row). */
  value: number | null;
  /** Sampling error of the estimate at this window's size (std). */
  samplingError: number | null;
  /** Alert band: reference mean ± 3 std of the realized metric over reference chunks. */
  lower: number;
  upper: number;
  /** Realized value once labels arrived (null before). */
  realized: number | null;
  rows: number;
}

/** What an alert rule watches, per monitoring window. */
export type AlertMetric =
  | 'dataset-drift-share'
  | 'drifted-columns'
  | 'estimated-performance-outside-band'
  | 'missing-share'
  | 'error-rate'
  | 'reject-rate'
  | 'feature-drift';

export type AlertComparator = '>' | '>=' | '<' | '<=';

/** A rule: fire when `metric comparator threshold` held for `forWindows` consecutive windows. */
export interface AlertRule {
  id: string;
  endpoint: string;
  name: string;
  metric: AlertMetric;
  /** For `feature-drift`: the column watched (its drift score); null otherwise. */
  column: string | null;
  comparator: AlertComparator;
  threshold: number;
  /** K: consecutive windows the condition must hold before pending turns firing (≥ 1). */
  forWindows: number;
  severity: 'info' | 'warning' | 'critical';
  enabled: boolean;
  /** Epoch ms until which notifications are silenced (null: not silenced). */
  silencedUntil: number | null;
  /** True for the four rules every endpoint gets. */
  builtIn: boolean;
}

/** Prometheus states: pending while the condition holds for fewer than K windows, then firing; resolved when it stops holding. */
export type AlertState = 'pending' | 'firing' | 'resolved';

/** One alert: a rule's episode, from the first window its condition held to the window it stopped. */
export interface AlertRecord {
  id: string;
  endpoint: string;
  ruleId: string;
  ruleName: string;
  severity: AlertRule['severity'];
  state: AlertState;
  /** Window index where the condition first held, where it started firing, where it resolved. */
  startWindow: number;
  firingWindow: number | null;
  resolvedWindow: number | null;
  /** The metric's value in the latest window evaluated. */
  value: number;
  /** Wall-clock epoch ms of the transitions and of the acknowledgement. */
  startedAt: number;
  firedAt: number | null;
  resolvedAt: number | null;
  acknowledgedAt: number | null;
  /** Sentence for the learner: "Dataset drift share 0.6 ≥ 0.5 for 2 windows". */
  message: string;
  /** State changes in order, for the history. */
  history: Array<{ state: AlertState; window: number; at: number }>;
}
