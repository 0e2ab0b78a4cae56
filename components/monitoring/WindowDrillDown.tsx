'use client';

import { useEffect, useState } from 'react';
import { SelectField } from '@/components/ui/FormFields';
import { DEFAULT_MONITOR_SETTINGS } from '@/lib/monitoring/profile-types';
import type { MonitorReport } from '@/lib/monitoring/report-types';
import type { DriftTestName } from '@/lib/monitoring/types';
import { describeServingError } from '@/lib/serving/errors';
import { saveMonitorSettings } from '@/lib/serving/monitor-actions';
import type { Endpoint } from '@/lib/tracking/serving-types';
import { getDatabase } from '@/lib/tracking/db';
import { servingWorker } from '@/stores/serving-worker';
import { ReportDownloads } from './ReportDownloads';
import { ReportView } from './ReportView';

const SIZES = [
  ['1', '1 window'],
  ['2', '2 windows'],
  ['3', '3 windows'],
  ['7', '7 windows'],
] as const;

/**
 * One window opened: each column's reference and current distributions overlaid, the test
 * chosen and why, recomputed from the logged rows with the test, threshold and window size the
 * learner picks. "Use for this endpoint" keeps the choices for the windows judged from now on.
 */
export function WindowDrillDown({ endpoint, window, first, windows }: { endpoint: Endpoint; window: number; first: number; windows: number[] }) {
  const [size, setSize] = useState<(typeof SIZES)[number][0]>('1');
  const [against, setAgainst] = useState('training');
  const [tests, setTests] = useState<Record<string, DriftTestName>>({ ...endpoint.monitoring?.tests });
  const [thresholds, setThresholds] = useState<Record<string, number>>({ ...endpoint.monitoring?.thresholds });
  const [result, setResult] = useState<{ key: string; report: MonitorReport } | { key: string; message: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const from = Math.max(first, window - Number(size) + 1);
  const reference = against === 'training' ? undefined : { from: Number(against), to: Number(against) };
  const key = JSON.stringify([endpoint.name, from, window, tests, thresholds, against]);
  useEffect(() => {
    let live = true;
    servingWorker()
      .call('monitorRange', { endpoint: endpoint.name, from, to: window, tests, thresholds, reference })
      .result.then(
        (report) => live && setResult({ key, report }),
        (e: unknown) => live && setResult({ key, message: e instanceof Error ? e.message : String(e) }),
      );
    return () => {
      live = false;
    };
    // `reference` is derived from `against`, which `key` holds.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  // A result for other choices is stale: show "judging" until the one asked for arrives.
  const state = !result || result.key !== key ? { status: 'loading' as const } : 'report' in result ? { status: 'ready' as const, report: result.report } : { status: 'error' as const, message: result.message };
  const onChange = (column: string, change: { test?: DriftTestName | null; threshold?: number | null }) => {
    setSaved(null);
    const { test, threshold } = change;
    if (test !== undefined) {
      setTests((t) => {
        const next = { ...t };
        if (test === null) delete next[column];
        else next[column] = test;
        return next;
      });
      // A new test has its own scale: the old threshold would not mean the same.
      setThresholds((t) => {
        const next = { ...t };
        delete next[column];
        return next;
      });
    }
    if (threshold !== undefined) {
      setThresholds((t) => {
        const next = { ...t };
        if (threshold === null) delete next[column];
        else next[column] = threshold;
        return next;
      });
    }
  };
  const keep = async () => {
    try {
      await saveMonitorSettings(getDatabase(), endpoint.name, { ...DEFAULT_MONITOR_SETTINGS, ...endpoint.monitoring, tests, thresholds });
      setSaved('Saved: windows judged from now on use these tests and thresholds (stored windows keep their verdicts).');
    } catch (e) {
      setSaved(describeServingError(e));
    }
  };
  return (
    <section className="card drill-down" aria-labelledby="drill-heading" data-testid="window-drill-down" data-window={window}>
      <h3 id="drill-heading">{from === window ? `Window ${window}` : `Windows ${from}–${window}`} in detail</h3>
      <SelectField id="drill-size" label="Window size (ending at this window)" value={size} options={SIZES} onChange={setSize} />
      <SelectField id="drill-reference" label="Compare with" value={against} options={[['training', 'the training split (the reference)'] as const, ...windows.filter((w) => w < from || w > window).map((w) => [String(w), `window ${w}`] as const)]} onChange={setAgainst} hint="Another window as the reference: is today unlike a calm week of production, not only unlike training?" />
      {state.status === 'loading' && <p role="status">Judging the logged rows…</p>}
      {state.status === 'error' && (
        <p className="notice error" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          <p className="muted">
            {state.report.current.rows.toLocaleString('en-US')} rows against {state.report.reference.label} ({state.report.reference.rows.toLocaleString('en-US')} rows).
          </p>
          <ReportView report={state.report} controls={{ tests, thresholds, onChange }} headingLevel={3} />
          <p>
            <button type="button" onClick={() => void keep()}>
              Use these tests and thresholds for this endpoint
            </button>
          </p>
          {saved && <p role="status">{saved}</p>}
          <ReportDownloads report={state.report} fileStem={`${endpoint.name}-windows-${from}-${window}`} />
        </>
      )}
    </section>
  );
}
