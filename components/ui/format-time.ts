/** The one way the workbench writes a moment: "27 Nov 2026, 19:05" (the reader's time zone). */
const DATE_TIME = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** A moment (epoch ms) as every page writes it; "—" when it is not a valid time. */
export function formatDateTime(at: number): string {
  return Number.isFinite(at) ? DATE_TIME.format(at) : '—';
}
