import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { evaluateClassification, type ClassificationEvaluation } from '@/lib/ml/evaluate';
import { confusionAtThreshold } from '@/lib/ml/metrics';
import type { RunEvaluation } from '@/lib/ml/session-evaluate';
import { percentText } from '@/lib/ml/threshold';
import { RunEvaluationView } from './RunEvaluationView';
import { ThresholdPicker } from './ThresholdPicker';

/** A binary evaluation of `n` rows: about a quarter "late", scored higher on average, with ties. */
function fixture(n: number, seed: number, classNames = ['on time', 'late']): ClassificationEvaluation {
  let x = seed;
  const next = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const y: number[] = [];
  const probabilities: number[][] = [];
  for (let i = 0; i < n; i++) {
    const label = next() < 0.25 ? 1 : 0;
    const p = Math.round(Math.min(1, Math.max(0, 0.3 + 0.3 * label + (next() - 0.5) * 0.7)) * 100) / 100;
    y.push(label);
    probabilities.push([1 - p, p]);
  }
  const train = Array.from({ length: 100 }, (_, i) => (i % 4 === 0 ? 1 : 0));
  return evaluateClassification(y, probabilities, train, classNames);
}

const render = (validation: ClassificationEvaluation, test: ClassificationEvaluation | null = null) => renderToStaticMarkup(createElement(ThresholdPicker, { validation, test }));

/** The text of each body cell of the table with this test id, row by row (tags stripped). */
function tableCells(html: string, testId: string): string[][] {
  const table = html.match(new RegExp(`<table[^>]*data-testid="${testId}"[^>]*>([\\s\\S]*?)</table>`))![1]!;
  const body = table.match(/<tbody>([\s\S]*?)<\/tbody>/)![1]!;
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => cell[1]!.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"')));
}

describe('ThresholdPicker', () => {
  const validation = fixture(1200, 3);
  const test = fixture(800, 9);

  it('renders the validation matrix at 0.5 with the counts and row shares of confusionAtThreshold', () => {
    const html = render(validation, test);
    const c = confusionAtThreshold(validation.scores!.labels, validation.scores!.positive, 0.5);
    expect(c.tp + c.fp).toBeGreaterThan(0);
    expect(html).toContain(`data-testid="threshold-split-validation" data-threshold="0.5" data-tp="${c.tp}" data-fp="${c.fp}" data-tn="${c.tn}" data-fn="${c.fn}"`);
    const cell = (k: number, total: number) => `${k.toLocaleString('en-US')} (${percentText(k / total)})`;
    expect(tableCells(html, 'threshold-confusion-validation')).toEqual([
      ['on time', cell(c.tn, c.tn + c.fp), cell(c.fp, c.tn + c.fp), (c.tn + c.fp).toLocaleString('en-US')],
      ['late', cell(c.fn, c.fn + c.tp), cell(c.tp, c.fn + c.tp), (c.fn + c.tp).toLocaleString('en-US')],
    ]);
    expect(tableCells(html, 'threshold-rates-validation')).toEqual([
      ['Precision (flagged rows that are positive)', percentText(c.precision)],
      ['Recall (positive rows caught)', percentText(c.recall)],
      ['F1', ((2 * c.tp) / (2 * c.tp + c.fp + c.fn)).toFixed(3)],
      ['Accuracy', percentText(c.accuracy)],
      ['Share flagged', percentText(c.flagged)],
    ]);
  });

  it('shows the test split beside it at the same threshold, and the majority rate in words', () => {
    const html = render(validation, test);
    const c = confusionAtThreshold(test.scores!.labels, test.scores!.positive, 0.5);
    expect(html).toContain(`data-testid="threshold-split-test" data-threshold="0.5" data-tp="${c.tp}" data-fp="${c.fp}" data-tn="${c.tn}" data-fn="${c.fn}"`);
    expect(html).toContain(`Always answering “on time” is right ${percentText(validation.baseline.accuracy)} of the time (all 1,200 validation rows).`);
    expect(html).toContain('does not depend on the threshold');
    expect(html).toContain('on a sample of 1,200 of the 1,200 validation rows');
  });

  it('has a labelled slider and number input at 0.5, and the three presets', () => {
    const html = render(validation);
    expect(html).toMatch(/<label for="([^"]+)-range">Decision threshold<\/label><input id="\1-range" data-testid="threshold-range" type="range" min="0" max="1" step="0.01" aria-valuetext="0.50"[^>]* value="0.5"\/>/);
    expect(html).toMatch(/<label for="([^"]+)-number">Decision threshold, exact value \(0 to 1\)<\/label><input id="\1-number" data-testid="threshold-number" type="number"[^>]* value="0.50"/);
    for (const [id, text] of [['half', '0.5'], ['rate', 'Match the positive rate'], ['f1', 'Best F1']]) expect(html).toMatch(new RegExp(`data-testid="threshold-preset-${id}"[^>]*>${text}</button>`));
    expect(html).not.toContain('threshold-split-test');
    expect(html).not.toContain('NaN');
  });

  it('shows "—" with a reason, never NaN, when the sample has no positive row', () => {
    const allNegative = { ...validation, scores: { labels: validation.scores!.labels.map(() => 0), positive: validation.scores!.positive } };
    const html = render(allNegative);
    expect(html).not.toContain('NaN');
    expect(tableCells(html, 'threshold-rates-validation')[1]).toEqual(['Recall (positive rows caught)', '— (the sample has no positive row)']);
    expect(html).toMatch(/data-testid="threshold-preset-f1" disabled=""/);
    expect(html).toContain('Best F1: not available, because the sample has no positive row, so F1 is 0 at every threshold.');
    expect(tableCells(html, 'threshold-confusion-validation')[1]).toEqual(['late', '0 (— no such rows)', '0 (— no such rows)', '0']);
  });
});

describe('RunEvaluationView', () => {
  const view = (evaluation: RunEvaluation) => renderToStaticMarkup(createElement(RunEvaluationView, { evaluation }));

  it('adds the picker and PR AUC beside its baseline for a binary evaluation with scores', () => {
    const validation = fixture(400, 5);
    const html = view({ validation, test: null });
    expect(html).toContain('data-testid="threshold-picker"');
    expect(html).toContain(`<th scope="row">ROC AUC</th>`);
    expect(html).toMatch(new RegExp(`<th scope="row">PR AUC \\(average precision\\)</th><td[^>]*>[^<]+<span class="visually-hidden">[^<]+</span></td><td>${validation.baseline.prAuc!.toPrecision(4)}</td>`));
  });

  it('shows nothing new for an evaluation stored before scores existed, or a multiclass one', () => {
    const { scores: _scores, prAuc: _prAuc, ...old } = fixture(400, 5);
    const oldHtml = view({ validation: { ...old, baseline: { prediction: 'on time', accuracy: 0.75, f1: 0.43, logLoss: 0.56 } }, test: null });
    expect(oldHtml).toContain('Evaluation against the baseline');
    expect(oldHtml).not.toContain('threshold-picker');
    expect(oldHtml).not.toContain('PR AUC');
    const probabilities = [0, 1, 2, 1, 0, 2].map((k) => [0, 1, 2].map((j) => (j === k ? 0.8 : 0.1)));
    const multi = evaluateClassification([0, 1, 2, 2, 0, 2], probabilities, [0, 1, 2, 2], ['a', 'b', 'c']);
    const multiHtml = view({ validation: multi, test: null });
    expect(multiHtml).not.toContain('threshold-picker');
    expect(multiHtml).not.toContain('NaN');
  });
});
