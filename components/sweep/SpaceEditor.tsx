'use client';

import { paramInfo } from '@/lib/ml/sweep/space';
import { SelectField, TextField } from '@/components/ui/FormFields';
import type { SpaceRow } from './sweep-form';

/** One param: a checkbox to search it, then its values (or, for numbers, a range for random search). */
function SpaceRowEditor({ row, onChange }: { row: SpaceRow; onChange: (patch: Partial<SpaceRow>) => void }) {
  const info = paramInfo(row.param);
  const id = `sweep-space-${row.param}`;
  const range = info.numeric && row.mode === 'range';
  const valuesHint = info.choices ? `Choose from ${info.choices.join(', ')}.` : row.param === 'hiddenLayers' ? 'Shapes joined by “-”, e.g. 16, 32-16, 64-32.' : 'Comma-separated, e.g. 0.001, 0.01. One value fixes the param.';
  return (
    <div className={`sweep-param${row.enabled ? ' on' : ''}`}>
      <label className="checkbox">
        <input type="checkbox" checked={row.enabled} onChange={(e) => onChange({ enabled: e.target.checked })} />
        Search {info.label.toLowerCase()} <code>{row.param}</code>
      </label>
      {row.enabled && (
        <div className="sweep-param-body">
          {info.numeric && (
            <SelectField
              id={`${id}-mode`}
              label="Search over"
              value={row.mode}
              options={[
                ['values', 'A list of values'],
                ['range', 'A range (random search)'],
              ]}
              onChange={(mode) => onChange({ mode })}
            />
          )}
          {range ? (
            <div className="sweep-range">
              <TextField id={`${id}-min`} label="Min" inputMode="decimal" value={row.min} onChange={(min) => onChange({ min })} />
              <TextField id={`${id}-max`} label="Max" inputMode="decimal" value={row.max} onChange={(max) => onChange({ max })} />
              <label className="checkbox">
                <input type="checkbox" checked={row.log} onChange={(e) => onChange({ log: e.target.checked })} />
                Log scale{info.integer ? ' (whole numbers)' : ''}
              </label>
            </div>
          ) : (
            <TextField id={`${id}-values`} label="Values" value={row.values} onChange={(values) => onChange({ values })} hint={valuesHint} />
          )}
        </div>
      )}
    </div>
  );
}

/** The search space: every searchable param, ticked ones searched. */
export function SpaceEditor({ rows, onChange }: { rows: SpaceRow[]; onChange: (rows: SpaceRow[]) => void }) {
  return (
    <fieldset className="form-section sweep-space">
      <legend>Search space</legend>
      <p className="field-hint">Tick each param to search. A grid tries every combination of the lists; random search samples lists and ranges (log scale samples each decade evenly).</p>
      {rows.map((row) => (
        <SpaceRowEditor key={row.param} row={row} onChange={(patch) => onChange(rows.map((r) => (r.param === row.param ? { ...r, ...patch } : r)))} />
      ))}
    </fieldset>
  );
}
