'use client';

import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, XAxis, YAxis } from 'recharts';
import type { Evaluation, RunEvaluation } from '@/lib/ml/session-evaluate';
import { ScrollRegion } from '@/components/ui/ScrollRegion';
import { ChartBox, ChartTable } from '@/components/charts/ChartParts';
import { binaryScoreSample } from '@/lib/ml/threshold';
import { formatMetric } from './format';
import { ThresholdPicker } from './ThresholdPicker';

function Scatterplot({ title, points, xLabel, yLabel }: { title: string; points: Array<{ x: number; y: number }>; xLabel: string; yLabel: string }) {
  return (
    <figure className="chart-figure">
      <figcaption>{title}</figcaption>
      <ChartBox label={`${title}: ${points.length} points (a sample of the validation rows). The table below lists them.`} height={240}>
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart margin={{ top: 8, right: 16, bottom: 16, left: 0 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
            <XAxis dataKey="x" type="number" name={xLabel} stroke="var(--muted)" tick={{ fontSize: 12 }} label={{ value: xLabel, position: 'insideBottom', offset: -8, fontSize: 12 }} />
            <YAxis dataKey="y" type="number" name={yLabel} stroke="var(--muted)" tick={{ fontSize: 12 }} width={56} />
            <Scatter data={points} fill="var(--accent)" fillOpacity={0.5} isAnimationActive={false} />
          </ScatterChart>
        </ResponsiveContainer>
      </ChartBox>
      <ChartTable summary={`Table of ${title.toLowerCase()}`} label={`${title} as a table`}>
            <thead>
              <tr>
                <th scope="col">{xLabel}</th>
                <th scope="col">{yLabel}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p, i) => (
                <tr key={i}>
                  <td>{formatMetric(p.x)}</td>
                  <td>{formatMetric(p.y)}</td>
                </tr>
              ))}
            </tbody>
      </ChartTable>
    </figure>
  );
}

/** Metric name, model value, baseline value (null: none), whether lower is better. */
type Row = [string, number, number | null, boolean];

const finiteOrNull = (x: number | null | undefined): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

function VersusBaseline({ rows, baselineName }: { rows: Row[]; baselineName: string }) {
  return (
    <table className="versus-table">
      <thead>
        <tr>
          <th scope="col">Metric</th>
          <th scope="col">Model</th>
          <th scope="col">{baselineName}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, model, baseline, lowerBetter]) => {
          const better = baseline === null ? null : lowerBetter ? model < baseline : model > baseline;
          return (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td className={better === null ? '' : better ? 'better' : 'worse'}>
                {formatMetric(model)}
                {better !== null && <span className="visually-hidden">{better ? ' (better than the baseline)' : ' (not better than the baseline)'}</span>}
              </td>
              <td>{baseline === null ? '—' : formatMetric(baseline)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function SplitEvaluation({ e, label }: { e: Evaluation; label: string }) {
  if (e.task === 'regression') {
    return (
      <div>
        <h3>{label} ({e.rows.toLocaleString('en-US')} rows)</h3>
        <VersusBaseline
          baselineName={`Mean baseline (always ${e.baseline.prediction.toFixed(2)})`}
          rows={[
            ['RMSE', e.rmse, e.baseline.rmse, true],
            ['MAE', e.mae, e.baseline.mae, true],
            ['R²', e.r2, e.baseline.r2, false],
          ]}
        />
        <div className="chart-grid">
          <Scatterplot title="Predicted vs actual" points={e.predictedVsActual} xLabel="actual" yLabel="predicted" />
          <Scatterplot title="Residuals" points={e.residuals} xLabel="predicted" yLabel="actual − predicted" />
        </div>
      </div>
    );
  }
  return (
    <div>
      <h3>{label} ({e.rows.toLocaleString('en-US')} rows)</h3>
      <VersusBaseline
        baselineName={`Majority baseline (always “${e.baseline.prediction}”)`}
        rows={[
          ['Accuracy', e.accuracy, e.baseline.accuracy, false],
          ['Macro F1', e.f1, e.baseline.f1, false],
          ['Macro precision', e.precision, null, false],
          ['Macro recall', e.recall, null, false],
          // Binary only. Each beside what a constant score gets: 0.5 for ROC AUC, the positive share for PR AUC.
          ...(typeof e.rocAuc === 'number' && Number.isFinite(e.rocAuc) ? [['ROC AUC', e.rocAuc, e.baseline.rocAuc ?? 0.5, false] as Row] : []),
          ...(typeof e.prAuc === 'number' && Number.isFinite(e.prAuc) ? [['PR AUC (average precision)', e.prAuc, finiteOrNull(e.baseline.prAuc), false] as Row] : []),
          ['Log loss', e.logLoss, e.baseline.logLoss, true],
        ]}
      />
      <ScrollRegion label={`${label} confusion matrix`}>
        <table className="confusion">
          <caption>Confusion matrix: rows are the actual class, columns the predicted class</caption>
          <thead>
            <tr>
              <th scope="col">actual \ predicted</th>
              {e.classNames.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {e.confusion.map((row, i) => (
              <tr key={e.classNames[i]}>
                <th scope="row">{e.classNames[i]}</th>
                {row.map((n, j) => (
                  <td key={j} className={i === j ? 'diagonal' : undefined}>
                    {n}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}

/** The run's evaluation against its baseline, on validation and on the held-out test split. */
export function RunEvaluationView({ evaluation }: { evaluation: RunEvaluation }) {
  return (
    <section className="card" aria-labelledby="evaluation-heading">
      <h2 id="evaluation-heading">Evaluation against the baseline</h2>
      <SplitEvaluation e={evaluation.validation} label="Validation" />
      {/* Only binary evaluations stored with a score sample; older ones and multiclass show no picker. */}
      {binaryScoreSample(evaluation.validation) && evaluation.validation.task === 'classification' && (
        <ThresholdPicker validation={evaluation.validation} test={evaluation.test?.task === 'classification' ? evaluation.test : null} />
      )}
      {evaluation.test && (
        <details>
          <summary>Held-out test split (look once you have picked a model)</summary>
          <SplitEvaluation e={evaluation.test} label="Test" />
        </details>
      )}
    </section>
  );
}
