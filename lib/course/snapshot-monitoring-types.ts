/** Monitoring as `check` exercises see it (part of `WorkbenchSnapshot`, lib/course/types.ts). */

/** One monitoring window as checks see it. */
export interface SnapshotMonitorWindow {
  endpoint: string;
  window: number;
  start: number;
  end: number;
  rows: number;
  closed: boolean;
  features: Array<{ column: string; kind: 'numerical' | 'categorical'; test: string; score: number; threshold: number; drifted: boolean }>;
  predictionDrifted: boolean | null;
  targetDrifted: boolean | null;
  dataset: { share: number; drifted: boolean; driftedColumns: number; totalColumns: number };
  missingShare: number;
  errorRate: number;
  rejectRate: number;
  estimated: Array<{ metric: string; value: number | null; samplingError: number | null; lower: number; upper: number; realized: number | null; rows: number }>;
  realized: { metric: string; value: number | null; labelled: number } | null;
}

/** One alert as checks see it. */
export interface SnapshotAlert {
  id: string;
  endpoint: string;
  ruleId: string;
  ruleName: string;
  severity: string;
  state: 'pending' | 'firing' | 'resolved';
  startWindow: number;
  firingWindow: number | null;
  resolvedWindow: number | null;
  acknowledged: boolean;
  startedAt: number;
}

/** One alert rule as checks see it. */
export interface SnapshotAlertRule {
  id: string;
  endpoint: string;
  name: string;
  metric: string;
  column: string | null;
  comparator: string;
  threshold: number;
  forWindows: number;
  severity: string;
  enabled: boolean;
  builtIn: boolean;
}
