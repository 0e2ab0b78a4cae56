import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { IMPORTANCE_METHOD, parameterImportance } from '@/lib/ml/sweep/importance';
import type { SweepSummary } from '@/lib/tracking/sweep-types';
import { SweepResults } from './SweepResults';

const base: SweepSummary = {
  search: 'grid',
  space: [
    { param: 'learningRate', kind: 'values', values: [0.001, 0.01, 0.1] },
    { param: 'hiddenLayers', kind: 'values', values: ['16'] },
  ],
  objective: { metric: 'val_loss', direction: 'minimize' },
  earlyStopping: 'median',
  budget: { maxTrials: 4, maxMinutes: null },
  folds: null,
  seed: 1,
  trials: [
    { runId: 'r1', params: { learningRate: 0.001, hiddenLayers: '16' }, value: 0.9, std: null, status: 'FINISHED', epochs: 10 },
    { runId: 'r2', params: { learningRate: 0.01, hiddenLayers: '16' }, value: 0.2, std: null, status: 'FINISHED', epochs: 10 },
    { runId: 'r3', params: { learningRate: 0.1, hiddenLayers: '16' }, value: 1.5, std: null, status: 'STOPPED_EARLY', epochs: 3 },
    { runId: 'r4', params: { learningRate: 1e6, hiddenLayers: '16' }, value: null, std: null, status: 'FAILED', epochs: 2 },
  ],
  importance: null,
  status: 'FINISHED',
};
// What the sweep stored: importance with its shuffled baseline, as recorded since it exists.
const summary: SweepSummary = { ...base, importance: parameterImportance(base.trials, ['learningRate', 'hiddenLayers']).importance };

const render = (s: SweepSummary, showTrials = true) => renderToStaticMarkup(createElement(SweepResults, { summary: s, parentRunId: 'parent-1', showTrials }));

describe('SweepResults', () => {
  it('names the best trial, the importance method, and links to compare (best first, failed left out) and to the parent', () => {
    const html = render(summary);
    expect(html).toContain('Best trial: <strong>#2</strong>');
    expect(html).toContain(`Method: <strong>${IMPORTANCE_METHOD}</strong>`);
    expect(html).toContain('one-way ANOVA');
    expect(html).toContain('href="/workbench/compare?runs=r2,r1,r3&amp;metric=val_loss"');
    expect(html).toContain('href="/workbench/run?id=parent-1"');
    // The importance table alternative lists the params with their raw variance explained in percent.
    expect(html).toMatch(/<th scope="row">learningRate<\/th><td class="num">100<\/td>/);
    // With 3 trials, 3 learning rates explain everything by construction, and so does any shuffle:
    // the baseline (mean, 95th percentile, p) says so, and the sentence reads it out.
    expect(html).toContain('<th scope="row">learningRate</th><td class="num">100</td><td class="num">100</td><td class="num">100</td><td class="num">1.00</td><td>No</td>');
    expect(html).toContain('<th scope="row">hiddenLayers</th><td class="num">0</td>');
    expect(html).toContain('No param stands out from noise: with 3 trials, shuffled objectives explain as much (learningRate, the top param, explains 100%; shuffled, 100% on average and up to 100% at the 95th percentile; p = 1.00)');
    expect(html).toContain('(groups − 1) ÷ (trials − 1)');
    expect(html).not.toContain('data-testid="importance-legacy"');
    // The best row is marked in text, and the stopped-early trial says so.
    expect(html).toMatch(/<tr class="sweep-best" data-status="FINISHED"><th scope="row">#2<span class="badge sweep-best-badge">best<\/span>/);
    expect(html).toContain('stopped early');
  });

  it('says which param stands out, with the chart described and a table of raw and shuffled values', () => {
    const trials = [0.001, 0.01, 0.1, 1].flatMap((learningRate, i) =>
      ['16', '32-16', '64-32'].map((hiddenLayers, j) => ({ runId: `c${i}${j}`, params: { learningRate, hiddenLayers }, value: i + 0.001 * j, std: null, status: 'FINISHED' as const, epochs: 10 })),
    );
    const clear = { ...base, trials, space: [{ param: 'learningRate', kind: 'values' as const, values: [0.001, 0.01, 0.1, 1] }, { param: 'hiddenLayers', kind: 'values' as const, values: ['16', '32-16', '64-32'] }] };
    const html = render({ ...clear, importance: parameterImportance(trials, ['learningRate', 'hiddenLayers']).importance }, false);
    expect(html).toMatch(/learningRate stands out from noise: with 12 trials it explains 100% of the objective’s variance against \d+% at the shuffled 95th percentile \(p = 0\.00\d\)\. hiddenLayers does not: shuffled objectives explain as much\./);
    expect(html).toMatch(/<th scope="row">learningRate<\/th><td class="num">100<\/td><td class="num">[\d.]+<\/td><td class="num">[\d.]+<\/td><td class="num">0\.00\d<\/td><td>Yes<\/td>/);
    expect(html).toMatch(/role="img" aria-label="Bar chart of parameter importance: for each of 2 params, the variance it explains beside the 95th percentile of the same statistic on shuffled objectives\. learningRate 100% against [\d.]+% shuffled, stands out; hiddenLayers 0% against/);
    expect(html).toContain('class="notice ok" data-testid="importance-sentence"');
    expect(html).toContain('Computed in your browser over 12 trials with a value');
  });

  it('recomputes importance stored before the shuffled baseline, and says so', () => {
    // sweep.json as older versions wrote it: η² scaled to add up to 1, no baseline.
    const legacy = { ...base, importance: { method: 'Variance explained (η², one-way ANOVA)', scores: [{ param: 'learningRate', score: 1 }, { param: 'hiddenLayers', score: 0 }] } };
    const html = render(legacy, false);
    expect(html).toContain('data-testid="importance-legacy"');
    expect(html).toContain('scaled to add up to 100 %');
    expect(html).toContain(`Method: <strong>${IMPORTANCE_METHOD}</strong>`);
    expect(html).toContain('No param stands out from noise: with 3 trials');
    expect(html).toContain('<td class="num">1.00</td><td>No</td>');
  });

  it('explains when importance is not ready yet and there is nothing to compare', () => {
    const early = { ...summary, importance: null, trials: summary.trials.slice(0, 1) };
    const html = render(early, false);
    expect(html).toContain('Parameter importance appears once 3 trials have a value (1 so far)');
    expect(html).not.toContain('Compare the');
    expect(html).not.toContain('sweep-trials');
  });
});
