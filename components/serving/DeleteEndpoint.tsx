'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { deleteEndpoint } from '@/lib/serving/delete-endpoint';
import { describeServingError } from '@/lib/serving/errors';
import { getDatabase } from '@/lib/tracking/db';
import { replayStore } from '@/stores/replay';

/** Deletes an endpoint with its deployments, log and traffic, after a confirmation; the model versions stay. */
export function DeleteEndpoint({ name }: { name: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    const replay = replayStore.getState();
    if ((replay.phase === 'running' || replay.phase === 'starting') && replay.endpoint === name) {
      setError('Traffic is running on this endpoint: stop it first.');
      return;
    }
    try {
      await deleteEndpoint(getDatabase(), name);
      router.push('/workbench/endpoints');
    } catch (e) {
      setError(describeServingError(e));
    }
  };
  return (
    <div className="danger-zone">
      {confirming ? (
        <>
          <p>Delete {name} with its deployment timeline, prediction log and traffic? The model versions it served stay. This cannot be undone.</p>
          <button type="button" className="button danger" onClick={() => void remove()} data-testid="endpoint-delete-confirm">
            Yes, delete {name}
          </button>{' '}
          <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </>
      ) : (
        <button type="button" className="button secondary" onClick={() => setConfirming(true)} data-testid="endpoint-delete">
          Delete endpoint
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
