import type { Metadata } from 'next';
import { ServingBenchmark } from '@/components/bench/ServingBenchmark';

export const metadata: Metadata = {
  title: 'Benchmark serving',
  description: 'How fast this browser answers requests through the serving worker and replays 100,000 requests into the prediction log.',
};

export default function ServingBenchmarkPage() {
  return (
    <div className="container narrow">
      <h1>Benchmark serving</h1>
      <p className="lead">An endpoint must answer fast and keep the page responsive while production traffic pours in: one-row and 1,000-row requests, then 100,000 requests replayed and logged.</p>
      <ServingBenchmark />
    </div>
  );
}
