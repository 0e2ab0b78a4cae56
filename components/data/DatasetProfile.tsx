'use client';

import { useMemo } from 'react';
import { BarChartWithTable, type BarDatum } from '@/components/charts/BarChartWithTable';
import { ScrollRegion } from '@/components/ui/ScrollRegion';
import type { DatasetInfo } from '@/lib/data/load';
import { OTHER_CATEGORY, profileTable, type ColumnProfile } from '@/lib/data/profile';
import type { DataTable } from '@/lib/data/table';
import { binLabel, formatValue, plural } from './format';
import { TargetDistributions } from './TargetDistributions';
import type { ReportCounts } from './use-loaded-dataset';

/**
 * The columns of a loaded dataset: a table of types and counts, one chart per column (histogram
 * or top categories, each with its table), and the distribution of every target.
 */
export function DatasetProfile({ info, table, reportCounts }: { info: DatasetInfo; table: DataTable; reportCounts: ReportCounts | null }) {
  const profiles = useMemo(() => profileTable(table), [table]);
  const targets = new Set(info.targets.map((t) => t.column));
  const features = new Set(info.features);
  return (
    <>
      <h2>Columns</h2>
      <p className="muted small">
        Missing: no value. Malformed: a value that was present but not of the column’s type (uploads only; it counts as missing when
        training).
      </p>
      <ScrollRegion label="Columns of the dataset">
        <table className="data-table" data-testid="columns-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col">Role</th>
              <th scope="col" className="num">
                Missing
              </th>
              <th scope="col" className="num">
                Malformed
              </th>
              <th scope="col" className="num">
                Distinct
              </th>
            </tr>
          </thead>
          <tbody>
            {profiles.map((p) => {
              const counts = reportCounts?.get(p.name);
              const malformed = counts?.malformed ?? 0;
              return (
                <tr key={p.name}>
                  <th scope="row">{p.name}</th>
                  <td>{p.type}</td>
                  <td>{targets.has(p.name) ? 'target' : p.name === info.timeColumn ? 'time' : features.has(p.name) ? 'input' : 'not used by default'}</td>
                  <td className="num">{(counts?.missing ?? p.missing).toLocaleString('en-US')}</td>
                  <td className={malformed > 0 ? 'num flagged' : 'num'}>{malformed.toLocaleString('en-US')}</td>
                  <td className="num">{p.distinct.toLocaleString('en-US')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>

      <h2>Column distributions</h2>
      <div className="chart-grid">
        {profiles.map((p) => (
          <ColumnChart key={p.name} profile={p} />
        ))}
      </div>

      <TargetDistributions info={info} table={table} />
    </>
  );
}

function ColumnChart({ profile }: { profile: ColumnProfile }) {
  const { name, type, count, missing, distinct } = profile;
  const missingText = missing > 0 ? ` ${plural(missing, 'value')} missing, not shown.` : '';
  if (profile.numeric) {
    const { min, max, mean, histogram } = profile.numeric;
    const data: BarDatum[] = histogram.map((b) => ({ label: binLabel(b, type), value: b.count }));
    const range = `${formatValue(type, min)} to ${formatValue(type, max)}`;
    const caption =
      type === 'datetime'
        ? `Rows per date range, ${range}.${missingText}`
        : `Histogram of ${plural(count, 'value')} from ${range}; mean ${formatValue(type, mean)}.${missingText}`;
    return (
      <div className="card chart-card">
        <BarChartWithTable title={name} data={data} valueLabel="Rows" labelHeader={type === 'datetime' ? 'Dates' : 'Range'} caption={caption} />
      </div>
    );
  }
  if (profile.categories) {
    const data: BarDatum[] = profile.categories.map((c) => ({ label: c.value, value: c.count }));
    const top = profile.categories.some((c) => c.value === OTHER_CATEGORY)
      ? `The ${profile.categories.length - 1} most frequent of ${plural(distinct, 'distinct value')}; the rest are summed as ${OTHER_CATEGORY}.`
      : `${plural(distinct, 'distinct value')}.`;
    return (
      <div className="card chart-card">
        <BarChartWithTable title={name} data={data} valueLabel="Rows" labelHeader="Category" caption={`${top}${missingText}`} showShare />
      </div>
    );
  }
  return (
    <div className="card chart-card">
      <h3 className="chart-title">{name}</h3>
      <p className="muted">Every value is missing: nothing to chart.</p>
    </div>
  );
}
