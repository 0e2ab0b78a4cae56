'use client';

import { useState } from 'react';
import { formatDateTime } from '@/components/ui/format-time';
import { describeServingError } from '@/lib/serving/errors';
import { acknowledgeAlert } from '@/lib/serving/monitor-actions';
import type { AlertRecord } from '@/lib/monitoring/types';
import { getDatabase } from '@/lib/tracking/db';
import { systemClock } from '@/lib/time/clock';

const STATE_TEXT = { pending: 'pending', firing: 'firing', resolved: 'resolved' } as const;

/**
 * Alerts of one endpoint (or of all), newest first: state (pending → firing → resolved, as
 * Prometheus names them), severity, what held and in which windows, and the history of each.
 * A firing alert can be acknowledged: it stays firing but leaves the header's badge.
 */
export function AlertsList({ alerts, showEndpoint = false }: { alerts: AlertRecord[]; showEndpoint?: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const ack = async (id: string) => {
    setError(null);
    try {
      await acknowledgeAlert(getDatabase(), id, systemClock.now());
    } catch (e) {
      setError(describeServingError(e));
    }
  };
  if (alerts.length === 0) return <p className="muted" data-testid="no-alerts">No alert so far: no rule’s condition has held in a closed window.</p>;
  return (
    <>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      <ul className="alert-list" data-testid="alerts">
        {alerts.map((a) => (
          <li key={a.id} className={`alert-item alert-${a.state} severity-${a.severity}`} data-testid="alert-row" data-state={a.state} data-rule={a.ruleName} data-acknowledged={a.acknowledgedAt !== null}>
            <p>
              <span className={`state-badge state-${a.state}`}>{STATE_TEXT[a.state]}</span> <strong>{a.ruleName}</strong> <span className="muted">({a.severity})</span>
              {showEndpoint && <span className="muted"> on {a.endpoint}</span>}
            </p>
            <p>{a.message}</p>
            <details>
              <summary>History</summary>
              <ol>
                {a.history.map((h, i) => (
                  <li key={i}>
                    {h.state} in window {h.window} ({formatDateTime(h.at)})
                  </li>
                ))}
                {a.acknowledgedAt !== null && <li>acknowledged ({formatDateTime(a.acknowledgedAt)})</li>}
              </ol>
            </details>
            {a.state === 'firing' &&
              (a.acknowledgedAt === null ? (
                <button type="button" onClick={() => void ack(a.id)}>
                  Acknowledge
                </button>
              ) : (
                <p className="muted">Acknowledged {formatDateTime(a.acknowledgedAt)}.</p>
              ))}
          </li>
        ))}
      </ul>
    </>
  );
}
