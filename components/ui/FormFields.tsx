'use client';

import type { ReactNode } from 'react';

/** A labelled form control with an optional hint (its id is `<id>-hint`, for aria-describedby). */
export function Field({ id, label, hint, children }: { id: string; label: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

/** A text input in a `Field`. */
export function TextField({ id, label, value, onChange, hint, inputMode, disabled }: { id: string; label: string; value: string; onChange: (v: string) => void; hint?: ReactNode; inputMode?: 'decimal' | 'numeric' | 'text'; disabled?: boolean }) {
  return (
    <Field id={id} label={label} hint={hint}>
      <input id={id} type="text" inputMode={inputMode} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={hint ? `${id}-hint` : undefined} autoComplete="off" maxLength={200} disabled={disabled} />
    </Field>
  );
}

/** A select in a `Field`, over `[value, text]` options. */
export function SelectField<T extends string>({ id, label, value, options, onChange, hint, disabled }: { id: string; label: string; value: T; options: ReadonlyArray<readonly [T, string]>; onChange: (v: T) => void; hint?: ReactNode; disabled?: boolean }) {
  return (
    <Field id={id} label={label} hint={hint}>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)} aria-describedby={hint ? `${id}-hint` : undefined} disabled={disabled}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </Field>
  );
}
