'use client';

import Link from 'next/link';
import { useId } from 'react';
import { compareLinkFor, exportLinkFor } from './run-list-state';

/** "Compare selected (n)" for 2–20 selected runs (disabled otherwise), and "Export selected (n)" to the bundle page. */
export function CompareSelected({ selected, onClear }: { selected: readonly string[]; onClear: () => void }) {
  const hintId = useId();
  const href = compareLinkFor(selected);
  const exportHref = exportLinkFor(selected);
  const label = `Compare selected (${selected.length})`;
  const hint = selected.length < 2 ? 'Select 2 to 20 runs to compare them.' : selected.length > 20 ? 'Compare takes at most 20 runs: clear some.' : null;
  return (
    <div className="compare-selected">
      {href ? (
        <Link className="button" href={href} prefetch={false} data-testid="compare-selected">
          {label}
        </Link>
      ) : (
        <button type="button" className="button" disabled aria-describedby={hintId} data-testid="compare-selected">
          {label}
        </button>
      )}
      {exportHref && (
        <Link className="button secondary" href={exportHref} prefetch={false} data-testid="export-selected">
          Export selected ({selected.length})
        </Link>
      )}
      {selected.length > 0 && (
        <button type="button" className="button secondary" onClick={onClear}>
          Clear selection
        </button>
      )}
      {hint && (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      )}
    </div>
  );
}
