'use client';

import { useSearchParams } from 'next/navigation';
import type { CourseCatalog } from '@/lib/course/progress-bundle';
import { parseRunIdsParam } from '@/lib/tracking/bundle/candidates';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';

/**
 * The "Export & import" page's body. `?runs=id1,id2` preselects runs to export (the runs table's
 * "Export selected" links here); `?models=name1,name2` preselects registered models.
 */
export function TransferView({ catalog }: { catalog: CourseCatalog }) {
  const params = useSearchParams();
  const runs = parseRunIdsParam(params.get('runs'));
  const models = parseRunIdsParam(params.get('models'));
  return (
    <div className="bundle-transfer">
      {/* Keyed by the link so following another "Export selected" link resets the picks. */}
      <ExportPanel key={`${runs.join(',')}|${models.join(',')}`} preselectedRuns={runs} preselectedModels={models} />
      <ImportPanel catalog={catalog} />
    </div>
  );
}
