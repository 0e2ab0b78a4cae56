'use client';

import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartBox, ChartTable } from './ChartParts';

export interface BarDatum {
  label: string;
  value: number;
}

export interface BarChartWithTableProps {
  title: string;
  data: BarDatum[];
  /** Header of the value column and the tooltip's name, e.g. "Rows". */
  valueLabel: string;
  /** One sentence under the chart (what it shows, what is left out). */
  caption?: string;
  /** Header of the label column; default "Value". */
  labelHeader?: string;
  /** Adds a "Share" column (value / total). */
  showShare?: boolean;
  /** Chart height in px; default 200. */
  height?: number;
  /** Heading level of the title; default 3. */
  headingLevel?: 3 | 4;
}

const AXIS_TICK = { fill: 'var(--muted)', fontSize: 12 };
const TOOLTIP_STYLE = { background: 'var(--surface)', border: '1px solid var(--border)', borderRadius: 8, color: 'var(--text)' };

/**
 * A bar chart with its data as a table: the chart is an image (role="img" with a summary as its
 * label); the table, in a disclosure under it, is the text alternative and the exact numbers.
 */
export function BarChartWithTable({ title, data, valueLabel, caption, labelHeader = 'Value', showShare = false, height = 200, headingLevel = 3 }: BarChartWithTableProps) {
  const headingId = useId();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const total = data.reduce((s, d) => s + d.value, 0);
  const summary = summarize(title, data, valueLabel);
  return (
    <figure className="chart-figure" aria-labelledby={headingId}>
      <Heading id={headingId} className="chart-title">
        {title}
      </Heading>
      {data.length === 0 ? (
        <p className="muted">No values to chart.</p>
      ) : (
        <ChartBox label={summary} height={height}>
          <ResponsiveContainer width="100%" height={height} minWidth={0}>
            <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
              <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" tick={AXIS_TICK} stroke="var(--border)" interval="preserveStartEnd" minTickGap={12} />
              <YAxis tick={AXIS_TICK} stroke="var(--border)" width={48} allowDecimals={false} />
              <Tooltip contentStyle={TOOLTIP_STYLE} labelStyle={{ color: 'var(--text)' }} itemStyle={{ color: 'var(--text)' }} cursor={{ fill: 'var(--surface-2)' }} />
              <Bar dataKey="value" name={valueLabel} fill="var(--accent)" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </ChartBox>
      )}
      {caption && <figcaption className="chart-caption">{caption}</figcaption>}
      {data.length > 0 && (
        <ChartTable summary={`Table: ${title}`} label={`${title}: table`}>
              <thead>
                <tr>
                  <th scope="col">{labelHeader}</th>
                  <th scope="col" className="num">
                    {valueLabel}
                  </th>
                  {showShare && (
                    <th scope="col" className="num">
                      Share
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {data.map((d, i) => (
                  <tr key={`${i}-${d.label}`}>
                    <th scope="row">{d.label}</th>
                    <td className="num">{d.value.toLocaleString('en-US')}</td>
                    {showShare && <td className="num">{total > 0 ? `${((100 * d.value) / total).toFixed(1)}%` : '—'}</td>}
                  </tr>
                ))}
              </tbody>
        </ChartTable>
      )}
    </figure>
  );
}

/** "Bar chart of X: 5 bars; largest: a (120 rows); smallest: b (3 rows)." */
function summarize(title: string, data: readonly BarDatum[], valueLabel: string): string {
  if (data.length === 0) return `${title}: no values.`;
  let max = data[0]!;
  let min = data[0]!;
  for (const d of data) {
    if (d.value > max.value) max = d;
    if (d.value < min.value) min = d;
  }
  const unit = valueLabel.toLowerCase();
  return `Bar chart of ${title}: ${data.length} ${data.length === 1 ? 'bar' : 'bars'}; largest ${max.label} (${max.value.toLocaleString('en-US')} ${unit}); smallest ${min.label} (${min.value.toLocaleString('en-US')} ${unit}). The table below has every value.`;
}
