'use client';

import { useRouter } from 'next/navigation';
import { ConfirmDelete } from '@/components/ui/ConfirmDelete';
import { deleteEndpoint } from '@/lib/serving/delete-endpoint';
import { describeServingError } from '@/lib/serving/errors';
import { getDatabase } from '@/lib/tracking/db';
import { replayStore } from '@/stores/replay';

/** Deletes an endpoint with its deployments, log and traffic, after a confirmation; the model versions stay. */
export function DeleteEndpoint({ name }: { name: string }) {
  const router = useRouter();
  const remove = async (): Promise<string | null> => {
    const replay = replayStore.getState();
    if ((replay.phase === 'running' || replay.phase === 'starting') && replay.endpoint === name) return 'Traffic is running on this endpoint: stop it first.';
    try {
      await deleteEndpoint(getDatabase(), name);
      router.push('/workbench/endpoints');
      return null;
    } catch (e) {
      return describeServingError(e);
    }
  };
  return <ConfirmDelete label="Delete endpoint" confirmLabel={`Yes, delete ${name}`} question={`Delete ${name} with its deployment timeline, prediction log and traffic? The model versions it served stay. This cannot be undone.`} onDelete={remove} testId="endpoint-delete" />;
}
