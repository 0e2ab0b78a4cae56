import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ModelView } from '@/components/registry/ModelView';

export const metadata: Metadata = {
  title: 'Model',
  description: 'A registered model: its versions, their validation metrics against the champion, aliases and their history, and each version’s lineage.',
};

export default function ModelPage() {
  return (
    <div className="container">
      <Suspense fallback={<p role="status">Loading the model…</p>}>
        <ModelView />
      </Suspense>
    </div>
  );
}
