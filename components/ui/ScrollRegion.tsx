import type { ReactNode } from 'react';

/**
 * A wrapper that lets a wide table scroll sideways on narrow screens. It is focusable and
 * labelled so keyboard users can scroll it too (axe: scrollable-region-focusable).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
