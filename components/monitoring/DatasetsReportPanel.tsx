'use client';

import { useState } from 'react';
import { useDatasetInfos } from '@/components/data/use-datasets';
import { Field } from '@/components/ui/FormFields';
import { checkCsvSize } from '@/lib/data/csv';
import type { DatasetInfo } from '@/lib/data/load';
import type { MonitorReport } from '@/lib/monitoring/report-types';
import type { DatasetSource } from '@/lib/serving/protocol';
import { servingWorker } from '@/stores/serving-worker';
import { ReportDownloads } from './ReportDownloads';
import { ReportView } from './ReportView';
import { fileStem } from './report-format';

/** The select's value for a CSV file chosen from disk; datasets are `builtin:<id>` or `upload:<id>`. */
const CSV = 'csv';

interface SideState {
  /** `builtin:<id>`, `upload:<id>` or {@link CSV}. */
  source: string;
  file: File | null;
}

type Side = 'reference' | 'current';

const SIDES: Record<Side, { label: string; fileLabel: string }> = {
  reference: { label: 'Reference', fileLabel: 'Reference CSV file' },
  current: { label: 'Current', fileLabel: 'Current CSV file' },
};

/** The worker's source for one side; reads the file's text for a CSV. */
async function sourceOf(side: Side, state: SideState): Promise<DatasetSource> {
  if (state.source === CSV) {
    const file = state.file;
    if (!file) throw new Error(`Choose the ${side} CSV file first.`);
    const tooBig = checkCsvSize(file.size);
    if (tooBig) throw new Error(`${file.name}: ${tooBig}`);
    return { kind: 'csv', name: file.name, text: await file.text() };
  }
  const colon = state.source.indexOf(':');
  const kind = state.source.slice(0, colon);
  if (colon < 0 || (kind !== 'builtin' && kind !== 'upload')) throw new Error(`Choose the ${side} dataset first.`);
  return { kind, id: state.source.slice(colon + 1) };
}

/** Parses the share field: a number in 0–1, or null. */
function shareOf(text: string): number | null {
  const v = Number(text.trim());
  return text.trim() !== '' && v >= 0 && v <= 1 ? v : null;
}

/**
 * Any two datasets compared the way the monitoring dashboard compares a window with its reference:
 * Evidently's default test per column, dataset drift, distributions and data quality, computed in
 * the serving worker. Each side is a built-in dataset, an upload, or a CSV file from disk (a
 * prediction-log export, your own data).
 */
export function DatasetsReportPanel() {
  const { datasets } = useDatasetInfos();
  const first = datasets[0];
  const [sides, setSides] = useState<Record<Side, SideState>>({
    reference: { source: first ? `${first.kind}:${first.id}` : CSV, file: null },
    current: { source: CSV, file: null },
  });
  const [share, setShare] = useState('0.5');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ report: MonitorReport; stem: string } | null>(null);
  const busy = status !== null;

  const update = (side: Side, change: Partial<SideState>) => setSides((s) => ({ ...s, [side]: { ...s[side], ...change } }));

  const compare = async () => {
    setError(null);
    const shareValue = shareOf(share);
    if (shareValue === null) {
      setError('The dataset drift share must be a number between 0 and 1 (Evidently’s default is 0.5).');
      return;
    }
    setStatus('Reading the data…');
    try {
      const [reference, current] = await Promise.all([sourceOf('reference', sides.reference), sourceOf('current', sides.current)]);
      setStatus('Comparing every column in the background…');
      const report = await servingWorker().call('datasetsReport', { reference, current, share: shareValue }).result;
      setResult({ report, stem: fileStem(report.title) });
    } catch (e) {
      setResult(null);
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setStatus(null);
    }
  };

  return (
    <div className="datasets-report" data-testid="datasets-report">
      <form
        className="card"
        aria-labelledby="datasets-report-heading"
        onSubmit={(e) => {
          e.preventDefault();
          void compare();
        }}
      >
        <h2 id="datasets-report-heading">Pick the two samples</h2>
        <div className="form-grid">
          {(['reference', 'current'] as const).map((side) => (
            <SourcePicker key={side} side={side} state={sides[side]} datasets={datasets} disabled={busy} onChange={(change) => update(side, change)} />
          ))}
        </div>
        <div className="form-grid">
          <Field id="datasets-report-share" label="Dataset drift share" hint="The dataset drifts when at least this share of its columns drift (Evidently’s default: 0.5).">
            <input id="datasets-report-share" type="number" inputMode="decimal" min={0} max={1} step="any" value={share} onChange={(e) => setShare(e.target.value)} aria-describedby="datasets-report-share-hint" disabled={busy} />
          </Field>
        </div>
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            Compare
          </button>
        </div>
        {status && (
          <p role="status" data-testid="datasets-report-status">
            {status}
          </p>
        )}
        {error && (
          <p className="notice error" role="alert" data-testid="datasets-report-error">
            {error}
          </p>
        )}
      </form>

      {result && (
        <section className="card" aria-labelledby="datasets-report-result" data-testid="datasets-report-result">
          <h2 id="datasets-report-result">{result.report.title}</h2>
          <p className="muted">
            Reference: {result.report.reference.label} ({result.report.reference.rows.toLocaleString('en-US')} rows). Current: {result.report.current.label} ({result.report.current.rows.toLocaleString('en-US')} rows).
          </p>
          <ReportDownloads report={result.report} fileStem={result.stem} />
          <ReportView report={result.report} headingLevel={3} />
        </section>
      )}
    </div>
  );
}

function SourcePicker({ side, state, datasets, disabled, onChange }: { side: Side; state: SideState; datasets: DatasetInfo[]; disabled: boolean; onChange: (change: Partial<SideState>) => void }) {
  const { label, fileLabel } = SIDES[side];
  const selectId = `datasets-report-${side}`;
  const fileId = `datasets-report-${side}-file`;
  const builtin = datasets.filter((d) => d.kind === 'builtin');
  const uploads = datasets.filter((d) => d.kind === 'upload');
  return (
    <div className="source-pick">
      <Field id={selectId} label={label}>
        <select id={selectId} value={state.source} disabled={disabled} onChange={(e) => onChange({ source: e.target.value, file: null })}>
          <optgroup label="Built-in datasets">
            {builtin.map((d) => (
              <option key={d.id} value={`builtin:${d.id}`}>
                {d.name}
              </option>
            ))}
          </optgroup>
          {uploads.length > 0 && (
            <optgroup label="Your uploaded datasets">
              {uploads.map((d) => (
                <option key={d.id} value={`upload:${d.id}`}>
                  {d.name}
                </option>
              ))}
            </optgroup>
          )}
          <option value={CSV}>CSV file from disk…</option>
        </select>
      </Field>
      {state.source === CSV && (
        <Field id={fileId} label={fileLabel} hint="A header row naming the columns; a prediction-log export works as it is.">
          <input id={fileId} type="file" accept=".csv,text/csv" disabled={disabled} aria-describedby={`${fileId}-hint`} onChange={(e) => onChange({ file: e.target.files?.[0] ?? null })} />
        </Field>
      )}
    </div>
  );
}
