import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { filterRuns } from '@/lib/tracking/run-filter';
import { splitAtError } from './filter-error';
import { testRun } from './run-test-fixtures';
import { RunFilterBox } from './RunFilterBox';

const runs = [
  testRun('a', { params: { learningRate: 0.01, batchSize: 32 }, bestMetrics: { val_loss: { value: 0.4, step: 3 } }, lastMetrics: { val_loss: 0.5 } }),
  testRun('b', { params: { learningRate: 0.1, batchSize: 32 }, tags: { stage: 'tuned' } }),
];

function render(value: string, lastValid = '') {
  const result = filterRuns(runs, value);
  return renderToStaticMarkup(createElement(RunFilterBox, { value, onChange: () => {}, error: result.ok ? null : result.error, lastValid }));
}

describe('RunFilterBox: a key no run has', () => {
  it('shows the suggestion inline and marks the field, as a syntax error is shown', () => {
    const html = render('metrics.val_loss < 0.5 and params.lr = 0.01', 'metrics.val_loss < 0.5');
    expect(html).toMatch(/<input id="([^"]+)" type="search" [^>]*aria-invalid="true" aria-describedby="\1-error \1-hint"/);
    expect(html).toContain('No param `lr` in these runs (at column 28); did you mean `learningRate`?');
    expect(html).toContain('metrics.val_loss &lt; 0.5 and <mark>params.lr</mark> = 0.01');
    expect(html).toContain('Still showing the runs matching the last valid filter, metrics.val_loss &lt; 0.5.');
  });

  it('marks a backtick-quoted field whole', () => {
    const text = 'tags.stage = "tuned" or last.`val los` < 1';
    const result = filterRuns(runs, text);
    if (result.ok) throw new Error('expected an error');
    expect(result.error.message).toBe('No metric `val los` in these runs (at column 25); did you mean `val_loss`?');
    expect(splitAtError(text, result.error).marked).toBe('last.`val los`');
  });

  it('shows no error for keys that some run has, and its placeholder names a real param', () => {
    const html = render('metrics.val_loss < 0.5 and params.learningRate = 0.01 and tags.stage like "%"');
    expect(html).not.toContain('filter-error');
    expect(html).toContain('placeholder="name, tag, or metrics.val_loss &lt; 0.5 and params.learningRate = 0.01"');
  });
});
