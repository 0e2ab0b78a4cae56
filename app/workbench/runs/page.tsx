import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { RunsTable } from '@/components/runs/RunsTable';

export const metadata: Metadata = {
  title: 'Runs',
  description: 'Every training you ran, with its status, data version, backend and best and last metrics; filter, sort and compare.',
};

export default function RunsPage() {
  return (
    <div className="container">
      <h1>Runs</h1>
      <p className="lead">
        Every training is a run, stored in this browser. Search by name or tag, or filter like MLflow (<code>metrics.val_loss &lt; 0.5 and params.learningRate = 0.01</code>); sort by any column, choose
        columns, and select runs to compare. The filter and sort stay in the address, so a link shares the view. To move runs to another browser, use{' '}
        <Link href="/workbench/transfer" prefetch={false}>
          Export &amp; import
        </Link>
        .
      </p>
      <Suspense fallback={<p role="status">Loading runs…</p>}>
        <RunsTable />
      </Suspense>
    </div>
  );
}
