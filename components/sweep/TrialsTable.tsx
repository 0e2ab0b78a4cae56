'use client';

import Link from 'next/link';
import { formatMetric } from '@/components/runs/format';
import { ScrollRegion } from '@/components/ui/ScrollRegion';
import type { ParamValue } from '@/lib/tracking/run-types';
import type { SweepTrialSummary } from '@/lib/tracking/sweep-types';
import { VerdictBadge } from '@/components/ui/BaselineVerdict';

/** One row of the trials table, live or from `sweep.json`. */
export interface TrialRow {
  index: number;
  runId: string;
  params: Record<string, ParamValue>;
  status: 'RUNNING' | 'FINISHED' | 'FAILED' | 'KILLED' | 'STOPPED_EARLY';
  value: number | null;
  std: number | null;
  /** Epochs, or what the running trial is doing ("epoch 3 of 10, fold 2 of 3"). */
  detail: string;
  /** The epoch whose weights the trial's model kept. */
  savedEpoch?: number;
  /** The saved model's headline metric against its baseline. */
  headline?: SweepTrialSummary['headline'];
}

/** The rule the trials are ranked by, stated where they are. */
export const RANKING_RULE =
  'Trials rank by the objective of the model each one saved: the weights of its last epoch, or of its best epoch when early stopping restored them. The curve’s best epoch counts only if that is the model kept.';

const VERDICT_TEXT = { beats: 'beats it', short: 'does not beat it', unknown: 'not judged' } as const;

const STATUS_TEXT: Record<TrialRow['status'], string> = { RUNNING: 'running', FINISHED: 'finished', FAILED: 'failed', KILLED: 'killed', STOPPED_EARLY: 'stopped early' };

/** "0.1234 ± 0.0100", or "—" without a value. */
export function formatValue(value: number | null, std: number | null): string {
  if (value === null) return '—';
  return std === null ? formatMetric(value) : `${formatMetric(value)} ± ${formatMetric(std)}`;
}

/**
 * The trials of a sweep: the searched params, the objective (± std with k-fold), status and a
 * link to each child run. The best trial's row is marked in text ("best"), not by colour alone.
 */
export function TrialsTable({ rows, searched, objectiveLabel, bestRunId, caption }: { rows: TrialRow[]; searched: string[]; objectiveLabel: string; bestRunId: string | null; caption: string }) {
  return (
    <>
    <p className="field-hint" data-testid="ranking-rule">{RANKING_RULE}</p>
    <ScrollRegion label={caption}>
      <table className="sweep-trials" data-testid="sweep-trials">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Trial</th>
            {searched.map((p) => (
              <th scope="col" key={p}>
                {p}
              </th>
            ))}
            <th scope="col" className="num">
              {objectiveLabel}
            </th>
            <th scope="col">Against the baseline</th>
            <th scope="col">Status</th>
            <th scope="col">Epochs</th>
            <th scope="col">Run</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const best = row.runId === bestRunId;
            return (
              <tr key={row.runId} className={best ? 'sweep-best' : undefined} data-status={row.status}>
                <th scope="row">
                  #{row.index + 1}
                  {best && <span className="badge sweep-best-badge">best</span>}
                </th>
                {searched.map((p) => (
                  <td key={p}>{row.params[p] === undefined ? '—' : String(row.params[p])}</td>
                ))}
                <td className="num">{formatValue(row.value, row.std)}</td>
                <td data-testid="trial-verdict">
                  {row.headline ? <VerdictBadge verdict={row.headline} label={VERDICT_TEXT[row.headline.status]} /> : '—'}
                </td>
                <td>
                  <span className={`badge run-${row.status === 'STOPPED_EARLY' ? 'stopped' : row.status.toLowerCase()}`}>{STATUS_TEXT[row.status]}</span>
                </td>
                <td>
                  {row.detail}
                  {row.savedEpoch !== undefined && String(row.savedEpoch) !== row.detail && <span className="field-hint"> (epoch {row.savedEpoch} kept)</span>}
                </td>
                <td>
                  <Link href={`/workbench/run?id=${encodeURIComponent(row.runId)}`} prefetch={false} aria-label={`Open the run of trial ${row.index + 1}`}>
                    Open
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
    </>
  );
}
