'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useMemo } from 'react';
import { MetricLinesChart } from '@/components/charts/MetricLinesChart';
import { RegisterModelPanel } from '@/components/registry/RegisterModelPanel';
import { useLiveLoaded } from '@/components/ui/use-loaded';
import type { StoredPreprocessing } from '@/lib/ml/predictor';
import type { RunEvaluation } from '@/lib/ml/session-evaluate';
import { ARTIFACTS } from '@/lib/tracking/artifact-names';
import { getDatabase } from '@/lib/tracking/db';
import { listArtifacts, readJsonArtifact } from '@/lib/tracking/run-edits';
import type { RunRecord } from '@/lib/tracking/run-types';
import { readMetric } from '@/lib/tracking/runs';
import { describeMargin, worthShipping } from '@/lib/tracking/headline';
import { savedModelMetrics } from '@/lib/tracking/metric-model';
import { VerdictNotice } from '@/components/ui/BaselineVerdict';
import { formatDuration, metricLabel } from './format';
import { PredictForm } from './PredictForm';
import { RunEditor } from './RunEditor';
import { RunEvaluationView } from './RunEvaluationView';
import { RunSweepLinks } from './RunSweepLinks';
import { useNow } from './use-now';
import { formatDateTime } from '@/components/ui/format-time';

const CURVES: Array<{ title: string; keys: string[] }> = [
  { title: 'Loss per epoch', keys: ['loss', 'val_loss'] },
  { title: 'Accuracy per epoch', keys: ['accuracy', 'val_accuracy', 'acc', 'val_acc'] },
  { title: 'Mean absolute error per epoch', keys: ['mae', 'val_mae'] },
];

interface RunDetails {
  run: RunRecord;
  histories: Record<string, { steps: number[]; values: number[] }>;
  artifacts: Array<{ name: string; contentType: string; bytes: number }>;
  evaluation?: RunEvaluation;
  preprocessing?: StoredPreprocessing;
  training?: { backendLabel: string; notes: string[]; examplesPerSec: number; epochsRun: number; bestEpoch: number; savedEpoch?: number; stoppedEarly: boolean; stoppedBy?: 'patience' | 'hook' | null };
}

/** The run with its curves and artifacts; undefined when there is no such run. */
async function loadRun(id: string): Promise<RunDetails | undefined> {
  const db = getDatabase();
  const run = await db.runs.get(id);
  if (!run) return undefined;
  const keys = CURVES.flatMap((c) => c.keys).filter((k) => k in run.lastMetrics);
  const histories = Object.fromEntries(await Promise.all(keys.map(async (k) => [k, await readMetric(db, id, k)] as const)));
  const [artifacts, evaluation, preprocessing, training] = await Promise.all([
    listArtifacts(db, id),
    readJsonArtifact<RunEvaluation>(db, id, ARTIFACTS.evaluation),
    readJsonArtifact<StoredPreprocessing>(db, id, ARTIFACTS.preprocessing),
    readJsonArtifact<RunDetails['training']>(db, id, ARTIFACTS.training),
  ]);
  return { run, histories, artifacts, evaluation, preprocessing, training };
}

/** The saved model against its baseline, on validation and test, first thing on the page. */
function SavedModelVerdict({ run, savedEpoch }: { run: RunRecord; savedEpoch: number | undefined }) {
  const metrics = savedModelMetrics(run);
  if (Object.keys(metrics).length === 0) return null;
  const task = typeof run.params.task === 'string' ? run.params.task : undefined;
  const { verdicts } = worthShipping(metrics, task);
  return (
    <VerdictNotice verdict={verdicts[0]}>
      <p>
        <strong>The saved model{savedEpoch ? ` (epoch ${savedEpoch}’s weights)` : ''}</strong> against its baseline, on the headline metric ({verdicts[0].rule.label}; {describeMargin(verdicts[0].rule)}):
      </p>
      {verdicts[1].status !== 'unknown' && <p>{verdicts[1].reason}</p>}
    </VerdictNotice>
  );
}

/** The run page: what was trained on what, how it went, how good it is, and its model. */
export function RunView() {
  const id = useSearchParams().get('id') ?? '';
  const loaded = useLiveLoaded(() => loadRun(id), [id]);
  const now = useNow();
  const curves = useMemo(() => {
    if (loaded.status !== 'ready' || !loaded.value) return [];
    const { histories, run } = loaded.value;
    const task = typeof run.params.task === 'string' ? run.params.task : undefined;
    return CURVES.map((c) => ({ title: c.title, series: c.keys.filter((k) => histories[k]).map((k) => ({ key: k, label: metricLabel(k, task), points: histories[k]!.steps.map((x, i) => ({ x, y: histories[k]!.values[i]! })) })) })).filter((c) => c.series.length > 0);
  }, [loaded]);
  if (loaded.status === 'loading') return <p role="status">Loading the run…</p>;
  if (loaded.status === 'error') return <p className="notice error" role="alert">{loaded.message}</p>;
  if (!loaded.value)
    return (
      <div className="notice info" role="status">
        <p>
          There is no run with this id in this browser (it may have been deleted). <Link href="/workbench/runs">See all runs</Link>.
        </p>
      </div>
    );
  const { run, evaluation, preprocessing, training, artifacts } = loaded.value;
  const hasModel = artifacts.some((a) => a.name === ARTIFACTS.weights);
  return (
    <div className="run-view">
      <header className="run-header">
        <h1>{run.name}</h1>
        <p>
          <span className={`badge run-${run.status.toLowerCase()}`} data-testid="run-status">
            {run.status}
          </span>{' '}
          started {formatDateTime(run.startedAt)} · {formatDuration((run.endedAt ?? now) - run.startedAt)}
          {Object.entries(run.tags).map(([k, v]) => (
            <span key={k} className="badge tag">
              {v ? `${k}=${v}` : k}
            </span>
          ))}
        </p>
      </header>
      <RunSweepLinks run={run} />
      <SavedModelVerdict run={run} savedEpoch={training?.savedEpoch} />
      {run.failure && (
        <div className={`notice ${run.status === 'FAILED' ? 'error' : 'info'}`} role={run.status === 'FAILED' ? 'alert' : 'status'}>
          <p>
            <strong>{run.failure.message}</strong>
          </p>
          <p>{run.failure.hint}</p>
        </div>
      )}
      <section className="card" aria-labelledby="overview-heading">
        <h2 id="overview-heading">What was trained</h2>
        <dl className="facts">
          <dt>Dataset</dt>
          <dd>
            <Link href={`/workbench/dataset?id=${encodeURIComponent(run.dataset.id)}`}>{run.dataset.id}</Link> · version <code title={run.dataset.hash}>{run.dataset.hash.slice(0, 12)}</code> · split {run.dataset.split}
          </dd>
          <dt>Backend</dt>
          <dd>{training?.backendLabel ?? run.backend ?? '—'}{training ? ` · ${training.examplesPerSec.toLocaleString('en-US')} examples/s` : ''}</dd>
          <dt>Seed</dt>
          <dd>{run.seed}</dd>
          {training && (
            <>
              <dt>Epochs</dt>
              <dd>
                {training.epochsRun} run; best validation loss at epoch {training.bestEpoch}
                {training.stoppedBy === 'hook' ? ' (stopped by the sweep’s early-termination rule)' : training.stoppedEarly ? ` (stopped at epoch ${training.epochsRun}; epoch ${training.savedEpoch ?? training.bestEpoch}’s weights kept)` : ''}
                {training.savedEpoch !== undefined && !training.stoppedEarly && ` · the model holds epoch ${training.savedEpoch}’s weights`}
              </dd>
            </>
          )}
        </dl>
        <h3>Params</h3>
        <table className="params-table">
          <tbody>
            {Object.entries(run.params).map(([k, v]) => (
              <tr key={k}>
                <th scope="row">{k}</th>
                <td>{String(v)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card" aria-labelledby="curves-heading">
        <h2 id="curves-heading">Metrics</h2>
        {curves.length === 0 ? <p>No metric was logged before this run ended.</p> : curves.map((c) => <MetricLinesChart key={c.title} title={c.title} series={c.series} />)}
      </section>
      {evaluation && <RunEvaluationView evaluation={evaluation} />}
      {hasModel && preprocessing && (
        <section className="card" aria-labelledby="predict-heading">
          <h2 id="predict-heading">Predict</h2>
          <p>Type the raw inputs of one row; the run’s own preprocessing is applied before its model predicts.</p>
          <PredictForm runId={run.id} prep={preprocessing} />
        </section>
      )}
      <section className="card" aria-labelledby="artifacts-heading">
        <h2 id="artifacts-heading">Artifacts</h2>
        {artifacts.length === 0 ? (
          <p>None: the run ended before a model was saved.</p>
        ) : (
          <ul className="artifact-list">
            {artifacts.map((a) => (
              <li key={a.name}>
                <code>{a.name}</code> — {a.contentType}, {(a.bytes / 1024).toFixed(1)} KB
              </li>
            ))}
          </ul>
        )}
      </section>
      <RegisterModelPanel run={run} />
      <RunEditor key={`${run.id}-${run.notes}`} run={run} />
    </div>
  );
}
