import type { Metadata } from 'next';
import { RunsTable } from '@/components/runs/RunsTable';

export const metadata: Metadata = {
  title: 'Runs',
  description: 'Every training you ran, with its status, data version, backend and metrics.',
};

export default function RunsPage() {
  return (
    <div className="container wide">
      <h1>Runs</h1>
      <p className="lead">Every training is a run, stored in this browser. Sort by a column, or search by name or tag.</p>
      <RunsTable />
    </div>
  );
}
