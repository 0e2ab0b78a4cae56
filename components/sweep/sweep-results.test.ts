import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { IMPORTANCE_METHOD } from '@/lib/ml/sweep/importance';
import type { SweepSummary } from '@/lib/tracking/sweep-types';
import { SweepResults } from './SweepResults';

const summary: SweepSummary = {
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
  importance: { method: IMPORTANCE_METHOD, scores: [{ param: 'learningRate', score: 1 }, { param: 'hiddenLayers', score: 0 }] },
  status: 'FINISHED',
};

const render = (s: SweepSummary, showTrials = true) => renderToStaticMarkup(createElement(SweepResults, { summary: s, parentRunId: 'parent-1', showTrials }));

describe('SweepResults', () => {
  it('names the best trial, the importance method, and links to compare (best first, failed left out) and to the parent', () => {
    const html = render(summary);
    expect(html).toContain('Best trial: <strong>#2</strong>');
    expect(html).toContain(`Method: <strong>${IMPORTANCE_METHOD}</strong>`);
    expect(html).toContain('one-way ANOVA');
    expect(html).toContain('href="/workbench/compare?runs=r2,r1,r3&amp;metric=val_loss"');
    expect(html).toContain('href="/workbench/run?id=parent-1"');
    // The importance table alternative lists the params with their share in percent.
    expect(html).toMatch(/<th scope="row">learningRate<\/th><td class="num">100<\/td>/);
    // The best row is marked in text, and the stopped-early trial says so.
    expect(html).toMatch(/<tr class="sweep-best" data-status="FINISHED"><th scope="row">#2<span class="badge sweep-best-badge">best<\/span>/);
    expect(html).toContain('stopped early');
  });

  it('explains when importance is not ready yet and there is nothing to compare', () => {
    const early = { ...summary, importance: null, trials: summary.trials.slice(0, 1) };
    const html = render(early, false);
    expect(html).toContain('Parameter importance appears once 3 trials have a value (1 so far)');
    expect(html).not.toContain('Compare the');
    expect(html).not.toContain('sweep-trials');
  });
});
