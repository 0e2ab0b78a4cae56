'use client';

import { useState, type ReactNode } from 'react';

/**
 * A delete button that asks first: `question` says what goes and what stays; `onDelete` does it
 * and returns null, or a sentence to show when it could not.
 */
export function ConfirmDelete({ label, confirmLabel, question, onDelete, testId }: { label: string; confirmLabel: string; question: ReactNode; onDelete: () => Promise<string | null>; testId?: string }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="danger-zone">
      {confirming ? (
        <>
          <p>{question}</p>
          <button type="button" className="button danger" onClick={() => void onDelete().then(setError)} data-testid={testId ? `${testId}-confirm` : undefined}>
            {confirmLabel}
          </button>{' '}
          <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </>
      ) : (
        <button type="button" className="button secondary" onClick={() => setConfirming(true)} data-testid={testId}>
          {label}
        </button>
      )}
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
