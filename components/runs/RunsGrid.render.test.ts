import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parseRunFilter } from '@/lib/tracking/run-filter';
import { NO_CHOICE, visibleColumns } from './column-choice';
import { collectRunKeys, defaultColumnIds, runColumns } from './run-columns';
import { arrangeRuns, runNames } from './run-list-state';
import { testRun } from './run-test-fixtures';
import { RunFilterBox } from './RunFilterBox';
import { RunsGrid } from './RunsGrid';

// Server rendering shows the first paint: the initial viewport, before any scroll or measurement.
function renderGrid(runs = Array.from({ length: 1000 }, (_, i) => testRun(`r${i}`, { bestMetrics: { val_rmse: { value: i, step: 1 } }, lastMetrics: { val_rmse: i + 0.5 } }))) {
  const keys = collectRunKeys(runs);
  const columns = visibleColumns(runColumns(keys), defaultColumnIds(keys), NO_CHOICE);
  const rows = arrangeRuns(runs, runNames(runs), false);
  return renderToStaticMarkup(createElement(RunsGrid, { rows, columns, totalRuns: runs.length + 5, sort: { column: 'metrics.val_rmse', dir: 'asc' }, onSort: () => {}, selected: new Set(['r1']), onToggle: () => {}, now: 0, resetKey: '' }));
}

describe('RunsGrid', () => {
  it('draws a few dozen of 1,000 rows between spacer rows', () => {
    const html = renderGrid();
    const drawn = html.match(/data-run-id="/g) ?? [];
    expect(drawn.length).toBeGreaterThan(10);
    expect(drawn.length).toBeLessThan(40);
    expect(html).toContain(`<tr class="spacer" aria-hidden="true"><td colSpan="9" style="height:${(1000 - drawn.length) * 44}px"></td></tr>`);
    expect(html).not.toContain('data-run-id="r999"');
  });

  it('exposes counts for tests and row positions for assistive technology', () => {
    const html = renderGrid();
    expect(html).toContain('data-testid="runs-table" data-total-runs="1005" data-shown-runs="1000" aria-rowcount="1001"');
    expect(html).toContain('<tr aria-rowindex="1">');
    expect(html).toContain('<tr aria-rowindex="2" data-run-id="r0">');
    expect(html).toContain('<th scope="col" class="num" aria-sort="ascending"><button type="button" class="sort-button" title="validation RMSE (target units): best value">val_rmse best');
  });

  it('shows best and last values, the selection, and the name as a row header link', () => {
    const html = renderGrid();
    expect(html).toContain('<td class="num" title="3">3.000</td><td class="num" title="3.5">3.500</td>');
    expect(html).toContain('<input type="checkbox" aria-label="Select r1" checked=""/>');
    expect(html).toContain('<th scope="row" class="name-cell"><a href="/workbench/run?id=r0">r0</a></th>');
  });

  it('indents trials under their parent and marks orphans as "child of"', () => {
    const runs = [testRun('p', { name: 'sweep' }), testRun('c', { name: 'trial', parentRunId: 'p' }), testRun('o', { name: 'orphan', parentRunId: 'gone-parent-id' })];
    const html = renderGrid(runs);
    expect(html).toMatch(/<tr aria-rowindex="3" data-run-id="c" class="trial-row">.*?↳.*?trial<\/a><span class="visually-hidden">, trial of sweep<\/span>/);
    expect(html).toContain('orphan</a><span class="child-of">child of gone-par…</span>');
  });
});

describe('RunFilterBox', () => {
  const render = (value: string, lastValid = '') => {
    const parsed = parseRunFilter(value);
    return renderToStaticMarkup(createElement(RunFilterBox, { value, onChange: () => {}, error: parsed.ok ? null : parsed.error, lastValid }));
  };

  it('marks the offending part and ties the message to the input', () => {
    const html = render('metric.x < 1 and name = "a"', 'name = "a"');
    expect(html).toMatch(/<input id="([^"]+)" type="search" [^>]*aria-invalid="true" aria-describedby="\1-error \1-hint"/);
    expect(html).toContain('Unknown field &quot;metric.x&quot; at column 1 — did you mean metrics.x?');
    expect(html).toContain('<mark>metric.x</mark> &lt; 1 and name = &quot;a&quot;');
    expect(html).toContain('Still showing the runs matching the last valid filter, name = &quot;a&quot;.');
  });

  it('draws a caret when the filter ends too early', () => {
    const html = render('metrics.x <');
    expect(html).toContain('metrics.x &lt;<mark class="filter-caret">‸</mark>');
    expect(html).toContain('Showing every run until the filter is fixed.');
  });

  it('is a plain labelled input when the filter is fine', () => {
    const html = render('metrics.x < 1');
    expect(html).not.toContain('aria-invalid');
    expect(html).not.toContain('filter-error');
    expect(html).toMatch(/<label for="([^"]+)">Search runs<\/label><input id="\1"/);
  });
});
