import type { BaselineVerdict } from '@/lib/tracking/headline';

const SHORT: Record<BaselineVerdict['status'], string> = { beats: 'beats the baseline', short: 'does not beat the baseline', unknown: 'not judged' };

/**
 * A model against its baseline on one split, as a small badge: green when it beats the baseline
 * by the stated margin, amber when it does not, grey when a figure is missing. The full sentence
 * (figures and margin) is its tooltip and is read by screen readers.
 */
export function VerdictBadge({ verdict, label }: { verdict: Pick<BaselineVerdict, 'status' | 'reason'>; label?: string }) {
  return (
    <span className={`verdict verdict-${verdict.status}`} title={verdict.reason} data-testid="baseline-verdict" data-status={verdict.status}>
      {label ?? SHORT[verdict.status]}
      <span className="visually-hidden">: {verdict.reason}</span>
    </span>
  );
}

/** The verdict as a notice: the sentence itself, green or amber. */
export function VerdictNotice({ verdict, children }: { verdict: BaselineVerdict; children?: React.ReactNode }) {
  const tone = verdict.status === 'beats' ? 'ok' : verdict.status === 'short' ? 'warn' : 'info';
  return (
    <div className={`notice ${tone}`} role="status" data-testid="baseline-notice" data-status={verdict.status}>
      {children}
      <p>{verdict.reason}</p>
    </div>
  );
}
