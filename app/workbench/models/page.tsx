import type { Metadata } from 'next';
import { ModelsTable } from '@/components/registry/ModelsTable';

export const metadata: Metadata = {
  title: 'Models',
  description: 'The model registry: every registered model, its latest version and its aliases such as @champion.',
};

export default function ModelsPage() {
  return (
    <div className="container">
      <h1>Models</h1>
      <p className="lead">A registered model is a name with numbered versions, each one a run’s stored model. Aliases such as @champion point at the version to serve, and can be moved.</p>
      <ModelsTable />
    </div>
  );
}
