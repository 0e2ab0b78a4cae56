'use client';

import { useEffect, useMemo, useState } from 'react';
import { useLiveLoaded } from '@/components/ui/use-loaded';
import { ensureAlertRules } from '@/lib/serving/monitor-alerts';
import { readMonitorData, type MonitorData } from '@/lib/serving/monitor-actions';
import { describeServingError } from '@/lib/serving/errors';
import type { Endpoint } from '@/lib/tracking/serving-types';
import { getDatabase } from '@/lib/tracking/db';
import { AlertRulesEditor } from './AlertRulesEditor';
import { AlertsList } from './AlertsList';
import { DriftHeatMap, type WindowMarkers } from './DriftHeatMap';
import { PerformanceChart } from './PerformanceChart';
import { SampleSizeExplainer } from './SampleSizeExplainer';
import { WindowDrillDown } from './WindowDrillDown';
import { WindowQualityTable } from './WindowQualityTable';

/** Deployment changes and alert transitions by the window they happened in (the shared time axis). */
function markersOf(data: MonitorData): Map<number, WindowMarkers> {
  const markers = new Map<number, WindowMarkers>();
  const at = (w: number) => {
    let m = markers.get(w);
    if (!m) markers.set(w, (m = { deployments: [], alerts: [] }));
    return m;
  };
  for (const d of data.deployments) if (d.window !== undefined && d.window > 0) at(d.window).deployments.push(`${d.action} v${d.version}: ${d.reason || d.actor}`);
  for (const a of data.alerts) for (const h of a.history) if (h.state !== 'resolved') at(h.window).alerts.push(`${a.ruleName} ${h.state}`);
  return markers;
}

/**
 * The endpoint's monitoring dashboard: alerts, the features × windows drift heat map, data
 * quality, estimated against realized performance, a window opened in detail, the alert rules and
 * the sample-size explainer. Everything is read live: a replay running in the serving worker fills
 * it window by window.
 */
export function MonitorPanel({ endpoint }: { endpoint: Endpoint }) {
  const loaded = useLiveLoaded(() => readMonitorData(getDatabase(), endpoint.name), [endpoint.name], describeServingError);
  const [selected, setSelected] = useState<number | null>(null);
  useEffect(() => {
    void ensureAlertRules(getDatabase(), endpoint.name).catch(() => undefined);
  }, [endpoint.name]);
  const markers = useMemo(() => (loaded.status === 'ready' ? markersOf(loaded.value) : new Map<number, WindowMarkers>()), [loaded]);
  if (loaded.status === 'loading') return <p role="status">Loading monitoring…</p>;
  if (loaded.status === 'error')
    return (
      <p className="notice error" role="alert">
        {loaded.message}
      </p>
    );
  const data = loaded.value;
  const windows = data.windows;
  const latest = windows.at(-1);
  const firing = data.alerts.filter((a) => a.state === 'firing');
  const reference = data.reference;
  const shown = selected ?? latest?.window ?? null;
  return (
    <div className="monitor-panel">
      <section className="card" aria-labelledby="monitor-heading">
        <h2 id="monitor-heading">Monitoring</h2>
        {windows.length === 0 ? (
          <p className="muted" data-testid="monitor-empty">
            No monitored traffic yet. Play production traffic on the “Production traffic” tab: each simulated day becomes a window judged against the training data of the version that served it.
          </p>
        ) : (
          <p data-testid="monitor-summary">
            {windows.length} window{windows.length === 1 ? '' : 's'} judged against {reference ? `${reference.model} v${reference.version}’s training split (${reference.rows.toLocaleString('en-US')} rows)` : 'the training split'}. Latest window {latest!.window}: {latest!.dataset.driftedColumns} of {latest!.dataset.totalColumns} columns drifted
            {latest!.dataset.drifted ? ' — dataset drift' : ''}. {firing.length === 0 ? 'No alert firing.' : `${firing.length} alert${firing.length === 1 ? '' : 's'} firing.`}
          </p>
        )}
        <h3>Alerts</h3>
        <AlertsList alerts={data.alerts} />
      </section>
      {windows.length > 0 && (
        <>
          <section className="card">
            <DriftHeatMap windows={windows} markers={markers} selected={shown} onSelect={(w) => setSelected(w)} />
          </section>
          <PerformanceChart windows={windows} markers={markers} note={reference?.estimatorNote ?? null} />
          <WindowQualityTable windows={windows} />
          {shown !== null && <WindowDrillDown key={shown} endpoint={endpoint} window={shown} first={windows[0]!.window} windows={windows.map((w) => w.window)} />}
        </>
      )}
      <AlertRulesEditor endpoint={endpoint.name} rules={data.rules} columns={data.columns} />
      <SampleSizeExplainer />
    </div>
  );
}
