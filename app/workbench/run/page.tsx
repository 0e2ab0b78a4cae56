import type { Metadata } from 'next';
import { Suspense } from 'react';
import { RunView } from '@/components/runs/RunView';

export const metadata: Metadata = {
  title: 'Run',
  description: 'A tracked run: params, data version, backend, metric curves, evaluation against the baseline, artifacts and predictions.',
};

export default function RunPage() {
  return (
    <div className="container">
      <Suspense fallback={<p role="status">Loading the run…</p>}>
        <RunView />
      </Suspense>
    </div>
  );
}
