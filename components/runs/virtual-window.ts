/** Height of one runs table row in CSS px; `app/styles/runs.css` sets the same height. */
export const ROW_HEIGHT = 44;

export interface VirtualWindow {
  /** First rendered row (inclusive) and last (exclusive). */
  start: number;
  end: number;
  /** Heights of the spacer rows standing in for the rows above and below, in px. */
  padTop: number;
  padBottom: number;
}

/**
 * Which of `count` fixed-height rows to render for a viewport scrolled to `scrollTop` (px):
 * the visible ones plus `overscan` rows on each side, so keyboard focus and fast scrolling
 * find rows already there. Negative or oversized scroll offsets (elastic scrolling) are clamped.
 */
export function virtualWindow(scrollTop: number, viewportHeight: number, count: number, rowHeight = ROW_HEIGHT, overscan = 10): VirtualWindow {
  const clamp = (n: number) => Math.max(0, Math.min(count, n));
  const top = Math.max(0, scrollTop);
  const start = clamp(Math.floor(top / rowHeight) - overscan);
  const end = Math.max(start, clamp(Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight) + overscan));
  return { start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight };
}
