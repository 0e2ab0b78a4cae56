/**
 * Builds the exported report from two column sets: per-column drift and data quality by
 * `driftReport`, plus each compared column's binned shares (the histogram overlay the dashboard
 * and the HTML file draw), with monitoring windows when the report covers an endpoint.
 */
import { binnedShares, driftReport, DriftInputError, type ColumnSample, type DriftReportOptions } from '../drift';
import { REPORT_FORMAT, type MonitorReport } from './report-types';
import type { MonitorWindow } from './window-types';

/** One side of a report: what it is called and its columns. */
export interface ReportSide {
  label: string;
  rows: number;
  columns: ColumnSample[];
}

/**
 * The report of `current` against `reference`. A column's histogram uses the same bins the
 * divergence tests use (Sturges over both sides for numerical columns with > 20 reference values,
 * else one bar per value), so what is drawn is what was measured.
 */
export function buildReport(input: { title: string; reference: ReportSide; current: ReportSide; options?: DriftReportOptions; windows?: MonitorWindow[] | null; generatedAt: number }): MonitorReport {
  const report = driftReport(input.reference.columns, input.current.columns, input.options);
  const byName = (side: ReportSide, name: string) => side.columns.find((c) => c.name === name)!;
  const histograms: MonitorReport['histograms'] = [];
  for (const column of report.columns) {
    try {
      const shares = binnedShares(byName(input.reference, column.column).values as never, byName(input.current, column.column).values as never, column.kind);
      histograms.push({ column: column.column, labels: shares.labels, reference: shares.reference, current: shares.current });
    } catch (error) {
      if (!(error instanceof DriftInputError)) throw error;
    }
  }
  return {
    format: REPORT_FORMAT,
    title: input.title,
    generatedAt: input.generatedAt,
    reference: { label: input.reference.label, rows: input.reference.rows },
    current: { label: input.current.label, rows: input.current.rows },
    columns: report.columns,
    dataset: report.dataset,
    quality: report.quality,
    histograms,
    skipped: report.skipped,
    windows: input.windows ?? null,
  };
}
