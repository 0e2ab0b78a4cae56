import { seriesStyle } from './series-style';

/** A short sample of a run's line (colour and dash), for legends; decorative. */
export function SeriesSwatch({ index }: { index: number }) {
  const { color, dash } = seriesStyle(index);
  return (
    <svg className="series-swatch" width="28" height="10" viewBox="0 0 28 10" aria-hidden="true" focusable="false">
      <line x1="1" y1="5" x2="27" y2="5" stroke={color} strokeWidth="3" strokeDasharray={dash || undefined} strokeLinecap="round" />
    </svg>
  );
}
