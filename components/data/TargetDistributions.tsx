'use client';

import { useMemo } from 'react';
import { BarChartWithTable } from '@/components/charts/BarChartWithTable';
import type { DatasetInfo } from '@/lib/data/load';
import { targetDistribution, type TargetDistribution } from '@/lib/data/profile';
import type { DataTable } from '@/lib/data/table';
import { binLabel, formatNumber, plural } from './format';

type Entry = { column: string; task: 'regression' | 'classification'; description: string } & ({ ok: true; dist: TargetDistribution } | { ok: false; error: string });

/** The distribution of each of the dataset's targets: class balance or a value histogram. */
export function TargetDistributions({ info, table }: { info: DatasetInfo; table: DataTable }) {
  const entries = useMemo<Entry[]>(
    () =>
      info.targets.map((t) => {
        try {
          return { ...t, ok: true, dist: targetDistribution(table, t.column, t.task) };
        } catch (error) {
          return { ...t, ok: false, error: error instanceof Error ? error.message : String(error) };
        }
      }),
    [info, table],
  );
  return (
    <section aria-labelledby="target-heading">
      <h2 id="target-heading">Target distribution</h2>
      <p className="muted small">What the model learns to predict. An imbalanced class split changes which metric is fair: accuracy alone can mislead.</p>
      <div className="chart-grid">
        {entries.map((e) => (
          <div key={e.column} className="card chart-card" data-testid={`target-${e.column}`}>
            {e.ok ? (
              <TargetChart column={e.column} description={e.description} dist={e.dist} />
            ) : (
              <>
                <h3 className="chart-title">
                  {e.column} ({e.task})
                </h3>
                <p className="notice error" role="alert">
                  This target cannot be summarised: {e.error}.
                </p>
              </>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}

function TargetChart({ column, description, dist }: { column: string; description: string; dist: TargetDistribution }) {
  const missing = dist.missing > 0 ? ` ${plural(dist.missing, 'row')} without a value (not usable for training).` : '';
  const title = `${column} (${dist.task})`;
  if (dist.task === 'classification') {
    const data = dist.classes.map((c) => ({ label: c.value, value: c.count }));
    const largest = dist.classes[0];
    const smallest = dist.classes[dist.classes.length - 1];
    const balance =
      largest && smallest && dist.classes.length > 1
        ? ` Largest class ${largest.value} (${(largest.share * 100).toFixed(1)}%), smallest ${smallest.value} (${(smallest.share * 100).toFixed(1)}%).`
        : '';
    return (
      <BarChartWithTable
        title={title}
        data={data}
        valueLabel="Rows"
        labelHeader="Class"
        showShare
        caption={`${description}: ${plural(dist.classes.length, 'class', 'classes')} over ${plural(dist.count, 'row')}.${balance}${missing}`}
      />
    );
  }
  const data = dist.histogram.map((b) => ({ label: binLabel(b, 'numeric'), value: b.count }));
  return (
    <>
      <BarChartWithTable title={title} data={data} valueLabel="Rows" labelHeader="Range" caption={`${description}: histogram of ${plural(dist.count, 'value')}.${missing}`} />
      <dl className="facts compact">
        {(
          [
            ['Min', dist.min],
            ['Median', dist.median],
            ['Mean', dist.mean],
            ['Max', dist.max],
            ['Std', dist.std],
          ] as const
        ).map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{formatNumber(value)}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
