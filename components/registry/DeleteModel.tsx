'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { describeRegistryError } from '@/lib/registry/errors';
import { deleteModel } from '@/lib/registry/registry';
import { getDatabase } from '@/lib/tracking/db';

/** Deletes a model with its versions and alias history, after a confirmation; its runs stay. */
export function DeleteModel({ name, versionCount }: { name: string; versionCount: number }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    try {
      await deleteModel(getDatabase(), name);
      router.push('/workbench/models');
    } catch (e) {
      setError(describeRegistryError(e));
    }
  };
  return (
    <div className="danger-zone">
      {confirming ? (
        <>
          <p>
            Delete {name} with its {versionCount === 1 ? 'version' : `${versionCount} versions`} and its alias history? The runs and their models stay. This cannot be undone.
          </p>
          <button type="button" className="button danger" onClick={() => void remove()}>
            Yes, delete {name}
          </button>{' '}
          <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </>
      ) : (
        <button type="button" className="button secondary" onClick={() => setConfirming(true)}>
          Delete model
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
