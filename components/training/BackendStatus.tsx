/**
 * What the trainer says while it starts and runs: its status line, the backend that runs (and
 * whether on the main thread), and its notes (fallbacks, measurements). Shared by training and sweeps.
 */
export function BackendStatus({ statusMessage, backendLabel, onMainThread, notes }: { statusMessage: string | null; backendLabel: string | null; onMainThread: boolean; notes: readonly string[] }) {
  return (
    <>
      {statusMessage && (
        <p role="status" className="train-status">
          {statusMessage}
        </p>
      )}
      {backendLabel && (
        <p className="train-backend">
          Backend: <strong data-testid="backend-label">{backendLabel}</strong>
          {onMainThread && ' — on the main thread (this browser has no Web Workers), so the page may feel slower.'}
        </p>
      )}
      {notes.length > 0 && (
        <ul className="train-notes">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </>
  );
}
