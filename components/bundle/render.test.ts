import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { CandidateRun } from '@/lib/tracking/bundle/candidates';
import { zeroCounts } from '@/lib/tracking/bundle/format';
import { CountsTable } from './CountsTable';
import { RunChecklist } from './RunChecklist';

const runs: CandidateRun[] = Array.from({ length: 400 }, (_, i) => ({ id: `r${i}`, name: `run <${i}>`, status: i === 1 ? 'FAILED' : 'FINISHED', startedAt: Date.UTC(2024, 0, 1) + i, experiment: 'e', parentRunId: i === 2 ? 'r0' : i === 3 ? 'gone' : null }));

describe('RunChecklist', () => {
  const html = renderToStaticMarkup(createElement(RunChecklist, { runs, selected: new Set(['r0', 'r5']), onChange: () => {} }));

  it('draws at most 300 rows and says how many match', () => {
    expect(html.match(/<li>/g)).toHaveLength(300);
    expect(html).toContain('Select all 400 runs');
    expect(html).toContain('2 runs selected');
    expect(html).toContain('showing the first 300 of 400; filter to find the others');
  });

  it('labels every checkbox with the run, its status and sweep parent, escaping names', () => {
    expect(html).toContain('<input type="checkbox" checked="" value="r0"/><span class="bundle-run-name">run &lt;0&gt;</span><span class="badge run-finished">FINISHED</span>');
    expect(html).toContain('<span class="badge run-failed">FAILED</span>');
    expect(html).toContain('trial of run &lt;0&gt;');
    expect(html).toContain('trial of a deleted sweep');
    expect(html).toMatch(/<label for="[^"]+">Filter runs<\/label><input id="[^"]+" type="search"/);
  });

  it('says when there is nothing to export', () => {
    expect(renderToStaticMarkup(createElement(RunChecklist, { runs: [], selected: new Set<string>(), onChange: () => {} }))).toContain('No runs yet');
  });
});

describe('CountsTable', () => {
  it('has a row per kind present, with row and column headers', () => {
    const html = renderToStaticMarkup(createElement(CountsTable, { added: { ...zeroCounts(), runs: 3 }, updated: { ...zeroCounts(), models: 1 }, skipped: { ...zeroCounts(), runs: 2 } }));
    expect(html).toContain('<th scope="col">Already here</th>');
    expect(html).toContain('<tr><th scope="row">Runs</th><td>3</td><td>0</td><td>2</td></tr>');
    expect(html).toContain('<th scope="row">Registered models</th>');
    expect(html).not.toContain('Model versions');
  });

  it('renders nothing for an empty bundle', () => {
    expect(renderToStaticMarkup(createElement(CountsTable, { added: zeroCounts(), updated: zeroCounts(), skipped: zeroCounts() }))).toBe('');
  });
});
