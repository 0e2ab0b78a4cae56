import { describe, expect, it } from 'vitest';
import { NO_CHOICE, parseColumnChoice, toggleColumn, visibleColumns } from './column-choice';
import { runColumns } from './run-columns';

const all = runColumns({ params: ['lr'], metrics: ['val_rmse'] });
const defaults = ['name', 'status', 'metrics.val_rmse'];
const shown = (choice = NO_CHOICE) => visibleColumns(all, defaults, choice).map((c) => c.id);

describe('column choice', () => {
  it('shows the defaults without a choice, in table order', () => {
    expect(shown()).toEqual(['name', 'status', 'metrics.val_rmse']);
  });
  it('shows and hides single columns, and always shows the name', () => {
    let choice = toggleColumn(NO_CHOICE, 'params.lr', true);
    choice = toggleColumn(choice, 'status', false);
    choice = toggleColumn(choice, 'name', false);
    expect(shown(choice)).toEqual(['name', 'params.lr', 'metrics.val_rmse']);
    expect(shown(toggleColumn(choice, 'status', true))).toEqual(['name', 'status', 'params.lr', 'metrics.val_rmse']);
  });
  it('round-trips through its stored JSON', () => {
    const choice = toggleColumn(toggleColumn(NO_CHOICE, 'last.val_rmse', true), 'status', false);
    expect(parseColumnChoice(JSON.stringify(choice))).toEqual(choice);
  });
  it('ignores anything malformed in storage', () => {
    for (const raw of [null, '', 'not json', '42', 'null', '[]', '{"show":"x"}']) {
      const parsed = parseColumnChoice(raw);
      expect(parsed.show.length + parsed.hide.length).toBe(0);
    }
    expect(parseColumnChoice('{"show":["a",1,null],"hide":[{}]}')).toEqual({ show: ['a'], hide: [] });
  });
});
