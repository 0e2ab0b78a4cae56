import { describe, expect, it } from 'vitest';
import { arrangeRuns, compareLinkFor as compareHref, exportLinkFor, hasTrials, runNames } from './run-list-state';
import { testRun as run } from './run-test-fixtures';

const view = (rows: ReturnType<typeof arrangeRuns>) => rows.map((r) => `${'  '.repeat(r.depth)}${r.run.id}${r.parentName && r.depth === 0 ? ` (child of ${r.parentName})` : ''}`);

describe('arrangeRuns', () => {
  const sweep = run('sweep', { name: 'lr sweep' });
  const t1 = run('t1', { parentRunId: 'sweep' });
  const t2 = run('t2', { parentRunId: 'sweep' });
  const solo = run('solo');
  const all = [sweep, t1, t2, solo];
  const names = runNames(all);

  it('puts trials right under their parent, in the sort order among siblings', () => {
    expect(view(arrangeRuns([t2, solo, t1, sweep], names, false))).toEqual(['solo', 'sweep', '  t2', '  t1']);
    expect(arrangeRuns([t2, solo, t1, sweep], names, false).map((r) => r.parentName)).toEqual([null, null, 'lr sweep', 'lr sweep']);
  });

  it('keeps a trial whose parent is filtered out at the top level, naming its parent', () => {
    expect(view(arrangeRuns([t1, solo], names, false))).toEqual(['t1 (child of lr sweep)', 'solo']);
  });

  it('names a deleted parent by the start of its id', () => {
    const orphan = run('o', { parentRunId: '0123456789abcdef' });
    expect(arrangeRuns([orphan], runNames([orphan]), false)[0]?.parentName).toBe('01234567…');
  });

  it('hides every trial when asked', () => {
    expect(view(arrangeRuns([t2, solo, t1, sweep], names, true))).toEqual(['solo', 'sweep']);
  });

  it('nests deeper sweeps and never loses runs on a parent cycle or a self-parent', () => {
    const g = run('g', { parentRunId: 't1' });
    expect(view(arrangeRuns([sweep, t1, g], runNames([sweep, t1, g]), false))).toEqual(['sweep', '  t1', '    g']);
    const a = run('a', { parentRunId: 'b' });
    const b = run('b', { parentRunId: 'a' });
    const self = run('self', { parentRunId: 'self' });
    const rows = arrangeRuns([a, b, self], runNames([a, b, self]), false);
    expect(rows.map((r) => r.run.id).sort()).toEqual(['a', 'b', 'self']);
  });

  it('handles 1,000 runs with 10 sweeps quickly', () => {
    const many = Array.from({ length: 1000 }, (_, i) => run(`r${i}`, { parentRunId: i % 100 === 0 || i < 10 ? null : `r${i % 10}` }));
    const t0 = performance.now();
    const rows = arrangeRuns(many, runNames(many), false);
    expect(performance.now() - t0).toBeLessThan(50);
    expect(rows).toHaveLength(1000);
    expect(rows[1]?.depth).toBe(1);
  });
});

describe('hasTrials', () => {
  it('is true only when some run has a parent', () => {
    expect(hasTrials([run('a')])).toBe(false);
    expect(hasTrials([run('a'), run('b', { parentRunId: 'a' })])).toBe(true);
  });
});

describe('compareHref', () => {
  it('links 2 to 20 runs in selection order, ids encoded', () => {
    expect(compareHref(['b', 'a'])).toBe('/workbench/compare?runs=b,a');
    expect(compareHref(['a b', 'c,d'])).toBe('/workbench/compare?runs=a%20b,c%2Cd');
    expect(compareHref(Array.from({ length: 20 }, (_, i) => `r${i}`))).toMatch(/runs=r0,r1,.*,r19$/);
  });
  it('is null for fewer than 2 or more than 20', () => {
    expect(compareHref([])).toBeNull();
    expect(compareHref(['a'])).toBeNull();
    expect(compareHref(Array.from({ length: 21 }, (_, i) => `r${i}`))).toBeNull();
  });
  it('links the export page with the selection preselected', () => {
    expect(exportLinkFor([])).toBeNull();
    expect(exportLinkFor(['a', 'b c'])).toBe('/workbench/transfer?runs=a,b%20c');
  });
});
