'use client';

import { useRouter } from 'next/navigation';
import { ConfirmDelete } from '@/components/ui/ConfirmDelete';
import { describeRegistryError } from '@/lib/registry/errors';
import { deleteModel } from '@/lib/registry/registry';
import { getDatabase } from '@/lib/tracking/db';

/** Deletes a model with its versions and alias history, after a confirmation; its runs stay. */
export function DeleteModel({ name, versionCount }: { name: string; versionCount: number }) {
  const router = useRouter();
  const remove = async (): Promise<string | null> => {
    try {
      await deleteModel(getDatabase(), name);
      router.push('/workbench/models');
      return null;
    } catch (e) {
      return describeRegistryError(e);
    }
  };
  return (
    <ConfirmDelete
      label="Delete model"
      confirmLabel={`Yes, delete ${name}`}
      question={`Delete ${name} with its ${versionCount === 1 ? 'version' : `${versionCount} versions`} and its alias history? The runs and their models stay. This cannot be undone.`}
      onDelete={remove}
    />
  );
}
