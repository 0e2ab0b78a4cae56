'use client';

import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import { formatMetric, metricLabel } from '@/components/runs/format';
import { ScrollRegion } from '@/components/ui/ScrollRegion';
import { formatNumber } from '@/lib/charts/scales';
import { differingParams, metricLeaders, type MetricKeys } from '@/lib/tracking/compare';
import type { ParamValue, RunRecord } from '@/lib/tracking/run-types';
import { SeriesSwatch } from './SeriesSwatch';
import { runVerdict } from '@/components/runs/run-columns';
import { VerdictBadge } from '@/components/ui/BaselineVerdict';

const showParam = (v: ParamValue | undefined) => (v === undefined ? '—' : typeof v === 'number' ? formatNumber(v) : String(v));

/** A cell that leads its row: marked by a star and words, not colour alone. */
function Cell({ leader, children }: { leader: boolean; children: ReactNode }) {
  return (
    <td className={leader ? 'leader' : undefined}>
      {children}
      {leader && (
        <>
          {' '}
          <span aria-hidden="true">★</span>
          <span className="visually-hidden">(best)</span>
        </>
      )}
    </td>
  );
}

/**
 * The runs side by side (one column each): status, data version and backend, the params that
 * differ (identical ones hidden behind a toggle, and counted), then every metric's best and last
 * value with the leading run starred — best is lowest for losses and errors, highest otherwise.
 */
export function DiffTable({ runs, keys }: { runs: readonly RunRecord[]; keys: MetricKeys }) {
  const [showAll, setShowAll] = useState(false);
  const { differing, identical } = differingParams(runs);
  const shownParams = showAll ? [...differing, ...identical].sort() : differing;
  const metrics = [...keys.shared, ...keys.partial];
  const leaders = metricLeaders(runs, metrics);
  return (
    <section className="card" aria-labelledby="diff-heading" data-testid="compare-diff">
      <h2 id="diff-heading">What differs</h2>
      <p>
        {differing.length === 0 ? 'Every param is the same in these runs.' : `${differing.length} param${differing.length === 1 ? ' differs' : 's differ'}.`}{' '}
        {identical.length > 0 && !showAll && `${identical.length} identical param${identical.length === 1 ? ' is' : 's are'} hidden. `}
        {identical.length > 0 && (
          <button type="button" className="button secondary" aria-pressed={showAll} onClick={() => setShowAll((v) => !v)}>
            {showAll ? 'Show only differing params' : 'Show all params'}
          </button>
        )}
      </p>
      <ScrollRegion label="Runs compared side by side">
        <table className="diff-table">
          <caption className="visually-hidden">Runs side by side: status, data, backend, {showAll ? 'all params' : 'differing params'}, and best and last value of each metric; ★ marks the best run per row.</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              {runs.map((run, i) => (
                <th scope="col" key={run.id}>
                  <SeriesSwatch index={i} /> <Link href={`/workbench/run?id=${encodeURIComponent(run.id)}`}>{run.name}</Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Status</th>
              {runs.map((run) => (
                <td key={run.id}>
                  <span className={`badge run-${run.status.toLowerCase()}`}>{run.status}</span>
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">Dataset · version</th>
              {runs.map((run) => (
                <td key={run.id}>
                  {run.dataset.id} · <code title={run.dataset.hash}>{run.dataset.hash.slice(0, 12)}</code>
                </td>
              ))}
            </tr>
            <tr data-testid="compare-verdicts">
              <th scope="row">Saved model against its baseline</th>
              {runs.map((run) => {
                const verdict = runVerdict(run);
                return <td key={run.id}>{verdict ? <VerdictBadge verdict={verdict} /> : '—'}</td>;
              })}
            </tr>
            <tr>
              <th scope="row">Backend</th>
              {runs.map((run) => (
                <td key={run.id}>{run.backend ?? '—'}</td>
              ))}
            </tr>
            {shownParams.map((key) => (
              <tr key={`p-${key}`} className={differing.includes(key) ? 'differs' : undefined}>
                <th scope="row">{key}</th>
                {runs.map((run) => (
                  <td key={run.id}>{showParam(Object.hasOwn(run.params, key) ? run.params[key] : undefined)}</td>
                ))}
              </tr>
            ))}
            {leaders.map(({ key, byBest, byLast, lowerIsBetter }) => (
              <MetricRows key={`m-${key}`} label={`${metricLabel(key)} (${lowerIsBetter ? 'lower' : 'higher'} is better)`} runs={runs} metric={key} byBest={byBest} byLast={byLast} />
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {metrics.length === 0 && <p className="muted">None of these runs logged a metric.</p>}
    </section>
  );
}

function MetricRows({ label, runs, metric, byBest, byLast }: { label: string; runs: readonly RunRecord[]; metric: string; byBest: string[]; byLast: string[] }) {
  return (
    <>
      <tr>
        <th scope="row">best {label}</th>
        {runs.map((run) => {
          const best = run.bestMetrics[metric];
          return (
            <Cell key={run.id} leader={byBest.includes(run.id)}>
              {best ? (
                <>
                  {formatMetric(best.value)} <span className="muted">step {best.step}</span>
                </>
              ) : (
                '—'
              )}
            </Cell>
          );
        })}
      </tr>
      <tr>
        <th scope="row">last {label}</th>
        {runs.map((run) => (
          <Cell key={run.id} leader={byLast.includes(run.id)}>
            {formatMetric(run.lastMetrics[metric])}
          </Cell>
        ))}
      </tr>
    </>
  );
}
