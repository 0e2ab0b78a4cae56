'use client';

import Link from 'next/link';
import { metricLabel } from '@/components/runs/format';
import { IMPORTANCE_EXPLANATION, IMPORTANCE_METHOD, MIN_TRIALS_FOR_IMPORTANCE, sweepImportance } from '@/lib/ml/sweep/importance';
import { bestTrial, compareRunIds, trialsBestFirst } from '@/lib/ml/sweep/summary';
import { compareHref } from '@/lib/tracking/compare';
import type { SweepSummary } from '@/lib/tracking/sweep-types';
import { ImportanceChart } from './ImportanceChart';
import { formatValue, TrialsTable } from './TrialsTable';

/** The objective as a column header: "validation loss (min)". */
export function objectiveLabel(summary: Pick<SweepSummary, 'objective' | 'folds'>): string {
  const label = metricLabel(summary.objective.metric);
  return `${summary.folds ? `${summary.folds}-fold mean ` : ''}${label} (${summary.objective.direction === 'minimize' ? 'min' : 'max'})`;
}

/**
 * Parameter importance, recomputed from the trials on every read (cheap: 200 shuffles), so
 * sweeps stored with the older scaled scores show the raw η² and its shuffled baseline too,
 * with a note saying so. The method is named and explained.
 */
function Importance({ summary }: { summary: SweepSummary }) {
  const withValue = summary.trials.filter((t) => t.value !== null).length;
  const result = sweepImportance(summary);
  if (!result.importance) {
    return (
      <p className="muted" data-testid="importance-pending">
        Parameter importance appears once {MIN_TRIALS_FOR_IMPORTANCE} trials have a value ({withValue} so far). Method: {IMPORTANCE_METHOD}.
      </p>
    );
  }
  const { importance, legacy } = result;
  return (
    <div className="sweep-importance">
      <ImportanceChart
        importance={importance}
        caption={`Computed in your browser over ${importance.trials} trials with a value (a trial stopped early counts with the value it reached), against ${importance.permutations} shuffles of the objective across those trials.`}
      />
      {legacy && (
        <p className="muted" data-testid="importance-legacy">
          This sweep was recorded before the shuffled baseline: its sweep.json holds older scores, scaled to add up to 100 %, which make noise look like signal. The figures above are recomputed from its trials.
        </p>
      )}
      <p data-testid="importance-method">
        Method: <strong>{importance.method}</strong>. {IMPORTANCE_EXPLANATION}
      </p>
    </div>
  );
}

/**
 * A sweep's outcome from its summary: the best trial, parameter importance (method named),
 * links to compare the trials and to the parent run, and optionally every trial.
 */
export function SweepResults({ summary, parentRunId, showTrials = false }: { summary: SweepSummary; parentRunId: string; showTrials?: boolean }) {
  const best = bestTrial(summary);
  const ids = compareRunIds(summary);
  const searched = summary.space.map((d) => d.param);
  return (
    <section className="sweep-results" aria-labelledby="sweep-results-heading">
      <h3 id="sweep-results-heading">Results</h3>
      {best ? (
        <p className="notice ok" data-testid="best-trial">
          Best trial: <strong>#{summary.trials.indexOf(best) + 1}</strong> ({searched.map((p) => `${p} ${String(best.params[p])}`).join(', ')}) with {objectiveLabel(summary)} <strong>{formatValue(best.value, best.std)}</strong>.{' '}
          <Link href={`/workbench/run?id=${encodeURIComponent(best.runId)}`} prefetch={false}>
            Open the best run
          </Link>
        </p>
      ) : (
        <p className="notice info">No trial has a value yet.</p>
      )}
      <Importance summary={summary} />
      <p className="button-row">
        {ids.length >= 2 && (
          <Link className="button secondary" href={compareHref(ids, summary.objective.metric)} prefetch={false} data-testid="compare-trials">
            Compare the {ids.length} trials{ids.length === 20 ? ' (best 20)' : ''}
          </Link>
        )}
        <Link className="button secondary" href={`/workbench/run?id=${encodeURIComponent(parentRunId)}`} prefetch={false} data-testid="parent-run-link">
          Open the parent run
        </Link>
      </p>
      {showTrials && (
        <TrialsTable
          rows={trialsBestFirst(summary).map((t) => ({ ...t, index: summary.trials.indexOf(t), detail: String(t.epochs) }))}
          searched={searched}
          objectiveLabel={objectiveLabel(summary)}
          bestRunId={best?.runId ?? null}
          caption="Trials of this sweep, best first (by the saved model's objective)"
        />
      )}
    </section>
  );
}
