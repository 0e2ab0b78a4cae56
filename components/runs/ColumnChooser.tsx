'use client';

import { useState } from 'react';
import type { RunColumn } from './run-columns';

interface ColumnChooserProps {
  columns: readonly RunColumn[];
  visible: ReadonlySet<string>;
  onToggle: (columnId: string, show: boolean) => void;
  onReset: () => void;
}

const GROUPS: Array<{ group: RunColumn['group']; legend: string }> = [
  { group: 'run', legend: 'Run' },
  { group: 'param', legend: 'Params' },
  { group: 'metric', legend: 'Metrics (best and last value)' },
];

/**
 * A disclosure with one checkbox per column. The name column is the row header and always
 * shown. The panel's checkboxes are only drawn while it is open: with many params and metrics
 * there can be hundreds, and the table's first render should not pay for them.
 */
export function ColumnChooser({ columns, visible, onToggle, onReset }: ColumnChooserProps) {
  const [open, setOpen] = useState(false);
  const shown = columns.filter((c) => visible.has(c.id)).length;
  return (
    <details className="column-chooser" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Columns ({shown} of {columns.length})
      </summary>
      {open && (
        <div className="column-chooser-panel">
          {GROUPS.map(({ group, legend }) => {
            const inGroup = columns.filter((c) => c.group === group);
            if (inGroup.length === 0) return null;
            return (
              <fieldset key={group} className="checkbox-group">
                <legend>{legend}</legend>
                {inGroup.map((c) => (
                  <label key={c.id} className="checkbox">
                    <input type="checkbox" checked={visible.has(c.id)} disabled={c.id === 'name'} onChange={(e) => onToggle(c.id, e.target.checked)} />
                    {c.label}
                  </label>
                ))}
              </fieldset>
            );
          })}
          <button type="button" className="button secondary" onClick={onReset}>
            Reset to the default columns
          </button>
        </div>
      )}
    </details>
  );
}
