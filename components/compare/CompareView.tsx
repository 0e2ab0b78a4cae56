'use client';

import Link from 'next/link';
import { useDeferredValue, useMemo } from 'react';
import { metricLabel } from '@/components/runs/format';
import { useLiveLoaded } from '@/components/ui/use-loaded';
import { differingParams, loadComparison } from '@/lib/tracking/compare';
import { getDatabase } from '@/lib/tracking/db';
import { CompareNotices, PickRuns } from './CompareNotices';
import { CopyLinkButton } from './CopyLinkButton';
import { CurvesSection } from './CurvesSection';
import { MetricPicker } from './MetricPicker';
import { ParallelCoordinates } from './ParallelCoordinates';
import { ParamScatter } from './ParamScatter';
import { useCompareMarks } from './perf-marks';
import { SelectedRuns } from './SelectedRuns';
import { useCompareUrl } from './use-compare-url';
import { DiffTable } from './DiffTable';

/**
 * The compare view of 2–20 runs, all state in the URL (`?runs=a,b&metric=val_loss`): overlaid
 * curves of one metric, parallel coordinates and a scatter from params to it, and a table of
 * what differs. Reads the runs and only the chosen metric's history, live.
 */
export function CompareView() {
  const { ids, overflow, metric: requested, setMetric, removeRuns } = useCompareUrl();
  const markReady = useCompareMarks(ids.length > 0);
  const idsKey = ids.join(',');
  const loaded = useLiveLoaded(
    () => loadComparison(getDatabase(), ids, requested),
    // ids is recreated with the URL; its joined text says whether the selection really changed.
    [idsKey, requested],
  );
  const data = loaded.status === 'ready' ? loaded.value : null;
  // The curves draw first; the other charts and the table follow in a background render, so
  // they neither delay the first chart nor block input while they render.
  const later = useDeferredValue(data, null);
  const params = useMemo(() => (later ? differingParams(later.runs) : { differing: [], identical: [] }), [later]);

  if (ids.length < 2) return <PickRuns selected={ids.length} found={ids.length} />;
  if (loaded.status === 'loading') return <p role="status">Loading {ids.length} runs…</p>;
  if (loaded.status === 'error')
    return (
      <p className="notice error" role="alert">
        The runs could not be read. {loaded.message}
      </p>
    );
  const { runs, missingIds, keys, metric, histories } = loaded.value;
  const withoutMetric = metric ? runs.filter((r) => !histories.has(r.id)).map((r) => r.name) : [];
  const notices = <CompareNotices overflow={overflow} missingIds={missingIds} comparing={runs.length >= 2} withoutMetric={withoutMetric} metric={metric} onDropMissing={() => removeRuns(missingIds)} />;
  if (runs.length < 2)
    return (
      <>
        {notices}
        <PickRuns selected={ids.length} found={runs.length} />
      </>
    );
  return (
    <div className="compare-view">
      <section className="card" aria-labelledby="selection-heading">
        <h2 id="selection-heading">{runs.length} runs</h2>
        <SelectedRuns runs={runs} onRemove={(id) => removeRuns([id])} />
        <div className="compare-controls">
          {metric && <MetricPicker keys={keys} value={metric} onChange={setMetric} />}
          <CopyLinkButton />
        </div>
        <p className="muted">
          Add runs from <Link href="/workbench/runs">the runs page</Link>.
        </p>
      </section>
      {notices}
      {metric ? (
        <>
          <section className="card" aria-labelledby="curves-heading">
            <h2 id="curves-heading">Curves</h2>
            <CurvesSection runs={runs} metric={metric} histories={histories} onReady={markReady} />
          </section>
          {later?.metric ? (
            <section className="card" aria-labelledby="parallel-heading">
              <h2 id="parallel-heading">From params to {metricLabel(later.metric)}</h2>
              <ParallelCoordinates runs={later.runs} params={params.differing} metric={later.metric} />
              <ParamScatter runs={later.runs} params={[...params.differing, ...params.identical]} metrics={[...later.keys.shared, ...later.keys.partial]} metric={later.metric} />
            </section>
          ) : (
            <p role="status">Drawing the other charts…</p>
          )}
        </>
      ) : (
        <p className="notice info" role="status">
          None of these runs logged a metric yet, so there are no curves to compare; the table below still shows how their params differ.
        </p>
      )}
      {later && <DiffTable runs={later.runs} keys={later.keys} />}
    </div>
  );
}
