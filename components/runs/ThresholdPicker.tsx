'use client';

import { useId, useMemo, useState } from 'react';
import type { ClassificationEvaluation } from '@/lib/ml/evaluate';
import { confusionAtThreshold } from '@/lib/ml/metrics';
import { bestF1Threshold, binaryScoreSample, matrixRows, parseThreshold, percentText, rateMatchingThreshold, sampleFacts, thresholdRates, thresholdText, type PresetThreshold, type ScoreSample } from '@/lib/ml/threshold';
import { ScrollRegion } from '@/components/ui/ScrollRegion';

const count = (n: number) => n.toLocaleString('en-US');
const quote = (s: string) => `“${s}”`;

/** The 2×2 matrix and the rates of one split at the chosen threshold. */
function SplitAtThreshold({ id, label, e, sample, threshold }: { id: 'validation' | 'test'; label: string; e: ClassificationEvaluation; sample: ScoreSample; threshold: number }) {
  const c = useMemo(() => confusionAtThreshold(sample.labels, sample.positive, threshold), [sample, threshold]);
  const rows = matrixRows(c, e.classNames);
  const rates = thresholdRates(c);
  const accuracy = rates.find((r) => r.key === 'accuracy')!;
  const t = thresholdText(threshold);
  return (
    <div className="threshold-split" data-testid={`threshold-split-${id}`} data-threshold={threshold} data-tp={c.tp} data-fp={c.fp} data-tn={c.tn} data-fn={c.fn}>
      <h4>
        {label} at {t} ({count(sample.labels.length)} of {count(e.rows)} rows)
      </h4>
      <ScrollRegion label={`${label} confusion matrix at threshold ${t}`}>
        <table className="confusion threshold-confusion" data-testid={`threshold-confusion-${id}`}>
          <caption>
            {label}, threshold {t}: rows are the actual class, columns the predicted class; each cell gives the count and its share of the row
          </caption>
          <thead>
            <tr>
              <th scope="col">actual \ predicted</th>
              {e.classNames.map((name) => (
                <th scope="col" key={name}>
                  {name}
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.actual}>
                <th scope="row">{row.actual}</th>
                {row.cells.map((cell) => (
                  <td key={cell.predicted} className={cell.correct ? 'diagonal' : undefined}>
                    {count(cell.count)} <span className="row-share">({cell.rowShare === null ? '— no such rows' : percentText(cell.rowShare)})</span>
                  </td>
                ))}
                <td>{count(row.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <table className="versus-table threshold-rates" data-testid={`threshold-rates-${id}`}>
        <caption className="visually-hidden">
          {label} rates at threshold {t}
        </caption>
        <tbody>
          {rates.map((r) => (
            <tr key={r.key} data-rate={r.key}>
              <th scope="row">{r.label}</th>
              <td>
                {r.value === null ? (
                  <>
                    — <span className="rate-reason">({r.reason})</span>
                  </>
                ) : r.key === 'f1' ? (
                  r.value.toFixed(3)
                ) : (
                  percentText(r.value)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid={`threshold-majority-${id}`}>
        {accuracy.value !== null && <>Accuracy here: {percentText(accuracy.value)}. </>}
        {Number.isFinite(e.baseline.accuracy) ? (
          <>
            Always answering {quote(e.baseline.prediction)} is right {percentText(e.baseline.accuracy)} of the time (all {count(e.rows)} {label.toLowerCase()} rows).
          </>
        ) : (
          <>The majority baseline&apos;s accuracy was not recorded for this split.</>
        )}
      </p>
    </div>
  );
}

function presetNote(name: string, p: PresetThreshold, what: (value: number) => string): string {
  return p.ok ? `${name}: ${thresholdText(p.threshold)} (${what(p.value)}).` : `${name}: not available, because ${p.reason}.`;
}

/**
 * Pick the score above which a binary classifier flags a row, and see the confusion matrix and
 * rates at that threshold on the validation sample (and the test sample beside it). Renders
 * nothing for evaluations without a score sample (multiclass, regression, or stored before it).
 */
export function ThresholdPicker({ validation, test, initialThreshold = 0.5 }: { validation: ClassificationEvaluation; test: ClassificationEvaluation | null; initialThreshold?: number }) {
  const id = useId();
  const [threshold, setThreshold] = useState(initialThreshold);
  const [draft, setDraft] = useState(thresholdText(initialThreshold));
  const sample = binaryScoreSample(validation);
  const testSample = binaryScoreSample(test);
  // Presets come from the validation sample only: choosing the threshold on the test split would
  // make its figures optimistic, which is what the held-out split exists to prevent.
  const presets = useMemo(() => (sample ? { rate: rateMatchingThreshold(sample), f1: bestF1Threshold(sample), facts: sampleFacts(sample) } : null), [sample]);
  if (!sample || !presets) return null;

  const choose = (t: number) => {
    setThreshold(t);
    setDraft(thresholdText(t));
  };
  const typed = (text: string) => {
    setDraft(text);
    const t = parseThreshold(text);
    if (t !== null) setThreshold(t);
  };
  const invalid = parseThreshold(draft) === null;
  const [negative = '0', positive = '1'] = validation.classNames;
  const flagged = confusionAtThreshold(sample.labels, sample.positive, threshold);
  const auc = validation.rocAuc;
  return (
    <section className="threshold-picker" aria-labelledby={`${id}-heading`} data-testid="threshold-picker">
      <h3 id={`${id}-heading`}>Decision threshold</h3>
      <p id={`${id}-explain`}>
        The model gives each row a score from 0 to 1, and a row is flagged {quote(positive)} when its score is at or above the threshold. A lower threshold flags more rows: more of the
        actual {quote(positive)} rows are caught (recall rises), but more {quote(negative)} rows are flagged by mistake (false alarms, so precision usually falls).
      </p>
      <p>
        The headline metric, ROC AUC{typeof auc === 'number' && Number.isFinite(auc) ? ` (${auc.toFixed(3)})` : ''}, does not depend on the threshold: it measures how well the scores rank{' '}
        {quote(positive)} rows above the others. The figures below are on a sample of {count(presets.facts.rows)} of the {count(validation.rows)} validation rows (
        {percentText(presets.facts.positiveShare)} of them {quote(positive)}); the presets use that validation sample only.
      </p>
      <div className="threshold-controls">
        <div className="field">
          <label htmlFor={`${id}-range`}>Decision threshold</label>
          <input id={`${id}-range`} data-testid="threshold-range" type="range" min={0} max={1} step={0.01} value={threshold} aria-valuetext={thresholdText(threshold)} aria-describedby={`${id}-explain`} onChange={(ev) => choose(Number(ev.target.value))} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-number`}>Decision threshold, exact value (0 to 1)</label>
          <input
            id={`${id}-number`}
            data-testid="threshold-number"
            type="number"
            inputMode="decimal"
            min={0}
            max={1}
            step={0.01}
            value={draft}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? `${id}-error` : undefined}
            onChange={(ev) => typed(ev.target.value)}
            onBlur={() => invalid && setDraft(thresholdText(threshold))}
          />
          {invalid && (
            <p id={`${id}-error`} className="field-hint threshold-error">
              Enter a number from 0 to 1; still showing {thresholdText(threshold)}.
            </p>
          )}
        </div>
      </div>
      <div className="button-row threshold-presets" role="group" aria-label="Threshold presets">
        <button type="button" className="button secondary" data-testid="threshold-preset-half" onClick={() => choose(0.5)}>
          0.5
        </button>
        <button type="button" className="button secondary" data-testid="threshold-preset-rate" disabled={!presets.rate.ok} aria-describedby={`${id}-rate`} onClick={() => presets.rate.ok && choose(presets.rate.threshold)}>
          Match the positive rate
        </button>
        <button type="button" className="button secondary" data-testid="threshold-preset-f1" disabled={!presets.f1.ok} aria-describedby={`${id}-f1`} onClick={() => presets.f1.ok && choose(presets.f1.threshold)}>
          Best F1
        </button>
      </div>
      <ul className="field-hint threshold-preset-notes">
        <li id={`${id}-rate`}>{presetNote('Match the positive rate', presets.rate, (v) => `flags ${percentText(v)} of the sample; ${percentText(presets.facts.positiveShare)} of the sample is ${quote(positive)}`)}</li>
        <li id={`${id}-f1`}>{presetNote('Best F1', presets.f1, (v) => `F1 ${v.toFixed(3)} on the sample`)}</li>
      </ul>
      <p className="threshold-status" aria-live="polite" data-testid="threshold-status">
        At {thresholdText(threshold)}, the model flags {count(flagged.tp + flagged.fp)} of {count(sample.labels.length)} sampled validation rows ({percentText(flagged.flagged)}).
      </p>
      <div className="threshold-splits">
        <SplitAtThreshold id="validation" label="Validation" e={validation} sample={sample} threshold={threshold} />
        {test && testSample && <SplitAtThreshold id="test" label="Test" e={test} sample={testSample} threshold={threshold} />}
      </div>
    </section>
  );
}
