import type { Metadata } from 'next';
import { Suspense } from 'react';
import { DatasetView } from '@/components/data/DatasetView';

export const metadata: Metadata = {
  title: 'Dataset',
  description: 'A dataset’s version, columns, missing and malformed values, distributions and target balance.',
};

export default function DatasetPage() {
  return (
    <div className="container data-page">
      {/* The id is a search param (static export), read on the client: useSearchParams needs this boundary. */}
      <Suspense
        fallback={
          <p role="status" className="muted">
            Loading dataset…
          </p>
        }
      >
        <DatasetView />
      </Suspense>
    </div>
  );
}
