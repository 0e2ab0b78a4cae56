'use client';

import { useId, useState, type KeyboardEvent } from 'react';
import { ScrollRegion } from '@/components/ui/ScrollRegion';
import { DRIFT_TESTS } from '@/lib/drift/select';
import type { MonitorReport } from '@/lib/monitoring/report-types';
import type { ColumnDriftResult, ColumnQuality, DriftTestName } from '@/lib/monitoring/types';
import { formatScore } from './format';
import { HistogramOverlay } from './HistogramOverlay';
import { datasetDriftSentence, formatNumber, parseThreshold, percent, qualitySummary, testsFor, verdictText } from './report-format';

/** A change the learner made to one column: a test (null: Evidently's default again) or a threshold (null: the test's default). */
export type ReportColumnChange = { test?: DriftTestName | null; threshold?: number | null };

export interface ReportViewControls {
  /** Tests chosen by the learner, by column (absent: Evidently's default). */
  tests: Record<string, DriftTestName>;
  /** Thresholds set by the learner, by column (absent: the test's default). */
  thresholds: Record<string, number>;
  onChange: (column: string, change: ReportColumnChange) => void;
  disabled?: boolean;
}

export interface ReportViewProps {
  report: MonitorReport;
  /** When given, each column's test and threshold can be changed in the drift table. */
  controls?: ReportViewControls;
  /** Level of the section headings; default 2. */
  headingLevel?: 2 | 3;
}

/**
 * A monitoring report on the page: the dataset drift verdict, the per-column drift table (test,
 * why it was chosen, score, threshold, verdict; editable with `controls`), skipped columns, each
 * column's distributions overlaid, and data quality of both samples side by side.
 */
export function ReportView({ report, controls, headingLevel = 2 }: ReportViewProps) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const id = useId();
  const byColumn = new Map(report.columns.map((c) => [c.column, c]));
  const { dataset } = report;
  return (
    <div className="report-view" data-testid="report-view">
      <p data-testid="dataset-drift-summary" data-drifted={dataset.drifted} className={`notice ${dataset.drifted ? 'warn' : 'ok'}`}>
        {datasetDriftSentence(dataset)}
      </p>

      <section aria-labelledby={`${id}-drift`}>
        <H id={`${id}-drift`}>Drift by column</H>
        {report.columns.length === 0 ? (
          <p className="muted">No column could be compared.</p>
        ) : (
          <ScrollRegion label="Drift by column">
            <table className="data-table drift-table" data-testid="drift-table">
              <thead>
                <tr>
                  <th scope="col">Column</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Test</th>
                  <th scope="col">Why this test</th>
                  <th scope="col" className="num">
                    Score
                  </th>
                  <th scope="col">Threshold</th>
                  <th scope="col">Verdict</th>
                </tr>
              </thead>
              <tbody>
                {report.columns.map((r) => (
                  <DriftRow key={r.column} result={r} controls={controls} />
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        {report.skipped.length > 0 && (
          <>
            <p>Skipped: no test could judge these columns.</p>
            <ul data-testid="skipped-columns">
              {report.skipped.map((s) => (
                <li key={s.column} data-column={s.column}>
                  <strong>{s.column}</strong>: {s.reason}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {report.histograms.length > 0 && (
        <section aria-labelledby={`${id}-dist`}>
          <H id={`${id}-dist`}>Distributions</H>
          <p className="muted">Each column’s share of values per bin (numbers) or per category, reference against current. Drifted columns are open.</p>
          {report.histograms.map((h) => {
            const r = byColumn.get(h.column);
            return (
              <details key={h.column} className="histogram-details" open={r?.drifted ?? false} data-column={h.column} data-drifted={r?.drifted ?? false}>
                <summary>
                  {h.column}
                  {r && <span className={r.drifted ? 'drift-text' : 'muted'}>{r.drifted ? ' (drift)' : ' (no drift)'}</span>}
                </summary>
                <HistogramOverlay column={h.column} labels={h.labels} reference={h.reference} current={h.current} verdict={r ? verdictText(r) : undefined} />
              </details>
            );
          })}
        </section>
      )}

      <section aria-labelledby={`${id}-quality`}>
        <H id={`${id}-quality`}>Data quality</H>
        <QualityTable reference={report.quality.reference} current={report.quality.current} referenceLabel={report.reference.label} currentLabel={report.current.label} />
      </section>
    </div>
  );
}

function DriftRow({ result: r, controls }: { result: ColumnDriftResult; controls: ReportViewControls | undefined }) {
  const info = DRIFT_TESTS[r.test];
  const chosen = controls?.tests[r.column];
  return (
    <tr data-column={r.column} data-drifted={r.drifted} data-test={r.test}>
      <th scope="row">{r.column}</th>
      <td>{r.kind}</td>
      <td>
        {controls ? (
          <>
            <select aria-label={`Test for ${r.column}`} value={chosen ?? ''} disabled={controls.disabled} onChange={(e) => controls.onChange(r.column, { test: e.target.value === '' ? null : (e.target.value as DriftTestName) })}>
              <option value="">{"Evidently's default"}</option>
              {testsFor(r, chosen).map((t) => (
                <option key={t.name} value={t.name}>
                  {t.label}
                </option>
              ))}
            </select>
            {chosen === undefined && <div className="muted">{r.testLabel}</div>}
          </>
        ) : (
          r.testLabel
        )}
      </td>
      <td className="report-reason">{r.reason}</td>
      <td className="num" data-score={r.score}>
        {formatScore(r)}
        <div className="muted">{r.scoreKind}</div>
      </td>
      <td>
        {controls ? <ThresholdInput result={r} overridden={controls.thresholds[r.column] !== undefined} disabled={controls.disabled} onApply={(threshold) => controls.onChange(r.column, { threshold })} /> : formatNumber(r.threshold)}
        <div className="muted">{info.comparatorText}</div>
      </td>
      <td>
        <span className={`verdict ${r.drifted ? 'verdict-drift' : 'verdict-stable'}`}>{r.drifted ? 'drift' : 'no drift'}</span>
      </td>
    </tr>
  );
}

/** The threshold as a number field, applied on blur or Enter; empty goes back to the test's default. */
function ThresholdInput({ result, overridden, disabled, onApply }: { result: ColumnDriftResult; overridden: boolean; disabled?: boolean; onApply: (threshold: number | null) => void }) {
  const errorId = useId();
  const [draft, setDraft] = useState(String(result.threshold));
  const [shown, setShown] = useState(result.threshold);
  const [error, setError] = useState<string | null>(null);
  // A new report (another threshold in force) resets the field: state adjusted while rendering, not in an effect.
  if (shown !== result.threshold) {
    setShown(result.threshold);
    setDraft(String(result.threshold));
    setError(null);
  }
  const apply = (input: HTMLInputElement) => {
    const parsed = input.validity.badInput ? ({ ok: false, error: 'That is not a number.' } as const) : parseThreshold(draft, result.scoreKind);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError(null);
    if (parsed.value === null) {
      if (overridden) onApply(null);
      else setDraft(String(result.threshold));
    } else if (parsed.value !== result.threshold) {
      onApply(parsed.value);
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      apply(e.currentTarget);
    }
  };
  return (
    <>
      <input
        type="number"
        className="threshold-input"
        aria-label={`Threshold for ${result.column}`}
        step="any"
        min={0}
        max={result.scoreKind === 'p-value' ? 1 : undefined}
        inputMode="decimal"
        value={draft}
        disabled={disabled}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={(e) => apply(e.currentTarget)}
        onKeyDown={onKeyDown}
      />
      {error && (
        <div className="threshold-error" id={errorId} role="alert">
          {error}
        </div>
      )}
    </>
  );
}

/** Both samples' quality per column, in one table: reference columns first, then current. */
function QualityTable({ reference, current, referenceLabel, currentLabel }: { reference: ColumnQuality[]; current: ColumnQuality[]; referenceLabel: string; currentLabel: string }) {
  const ref = new Map(reference.map((q) => [q.column, q]));
  const cur = new Map(current.map((q) => [q.column, q]));
  const names = [...new Set([...ref.keys(), ...cur.keys()])];
  if (names.length === 0) return <p className="muted">No columns.</p>;
  const sides = [
    { key: 'reference', label: `Reference: ${referenceLabel}`, of: ref },
    { key: 'current', label: `Current: ${currentLabel}`, of: cur },
  ] as const;
  return (
    <ScrollRegion label="Data quality, reference and current">
      <table className="data-table quality-table" data-testid="quality-table">
        <colgroup>
          <col />
          <col span={4} />
          <col span={4} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              Column
            </th>
            {sides.map((s) => (
              <th key={s.key} scope="colgroup" colSpan={4} className="quality-side">
                {s.label}
              </th>
            ))}
          </tr>
          <tr>
            {sides.map((s) => (
              <QualityHeaders key={s.key} />
            ))}
          </tr>
        </thead>
        <tbody>
          {names.map((name) => (
            <tr key={name} data-column={name}>
              <th scope="row">{name}</th>
              {sides.map((s) => (
                <QualityCells key={s.key} quality={s.of.get(name)} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function QualityHeaders() {
  return (
    <>
      <th scope="col" className="num">
        Rows
      </th>
      <th scope="col" className="num">
        Missing
      </th>
      <th scope="col" className="num">
        Unique
      </th>
      <th scope="col">Mean ± std or top values</th>
    </>
  );
}

function QualityCells({ quality: q }: { quality: ColumnQuality | undefined }) {
  return (
    <>
      <td className="num">{q ? q.rows.toLocaleString('en-US') : '—'}</td>
      <td className="num">{q ? percent(q.missingShare) : '—'}</td>
      <td className="num">{q ? q.unique.toLocaleString('en-US') : '—'}</td>
      <td className="quality-summary">{qualitySummary(q)}</td>
    </>
  );
}
