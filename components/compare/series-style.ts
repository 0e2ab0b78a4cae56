/** Colours: CSS variables of app/styles/compare.css, tuned for 3:1 contrast in both themes. */
const COLOR_COUNT = 10;
/** Dash patterns (SVG stroke-dasharray): solid, dashed, dotted, dash-dot. */
const DASHES = ['', '9 4', '2 4', '12 4 3 4'] as const;
/** Recharts scatter symbols, so points differ by shape as well as colour. */
const SYMBOLS = ['circle', 'diamond', 'square', 'triangle', 'cross', 'star', 'wye'] as const;

export type ScatterSymbol = (typeof SYMBOLS)[number];

/** How the run at `index` of a comparison is drawn everywhere on the page. */
export interface SeriesStyle {
  color: string;
  dash: string;
  symbol: ScatterSymbol;
}

/**
 * The style of the `index`-th compared run. 10 colours × 4 dash patterns repeat only after
 * lcm(10, 4) = 20 runs, so each of up to 20 runs has its own colour-and-dash pair, and
 * neighbours differ in both.
 */
export function seriesStyle(index: number): SeriesStyle {
  return { color: `var(--series-${index % COLOR_COUNT})`, dash: DASHES[index % DASHES.length]!, symbol: SYMBOLS[index % SYMBOLS.length]! };
}
