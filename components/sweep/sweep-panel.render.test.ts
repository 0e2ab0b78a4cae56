import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { builtinInfos } from '@/lib/data/load';

let search = 'dataset=cars';
vi.mock('next/navigation', () => ({ useSearchParams: () => new URLSearchParams(search) }));
vi.mock('@/components/data/use-datasets', () => ({ useDatasetInfos: () => ({ datasets: builtinInfos(), loading: false }) }));

const { SweepPanel } = await import('./SweepPanel');

describe('SweepPanel (server render)', () => {
  it('renders the form from the URL presets, every control labelled, with the grid size before starting', () => {
    search = 'dataset=flights&target=delay&model=mlp';
    const html = renderToStaticMarkup(createElement(SweepPanel));
    expect(html).toContain('aria-label="Sweep settings"');
    expect(html).toContain('data-testid="grid-preview"');
    expect(html).toContain('A grid over these values has 6 configurations.');
    expect(html).toMatch(/<option value="delay" selected="">/);
    for (const label of ['Search', 'Trials (budget)', 'Early termination', 'Objective', 'k-fold cross-validation', 'Base model', 'Search space']) expect(html).toContain(label);
    // Every input and select has a label pointing at it (or sits inside one).
    const ids = [...html.matchAll(/<(?:input|select)[^>]*\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) expect(html).toContain(`for="${id}"`);
    const unlabelled = [...html.matchAll(/<input(?![^>]*\sid=)[^>]*>/g)].filter((m) => !/type="checkbox"/.test(m[0]));
    expect(unlabelled).toEqual([]);
  });
});
