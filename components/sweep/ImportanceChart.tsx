'use client';

import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartBox, ChartTable } from '@/components/charts/ChartParts';
import type { ImportanceScores } from '@/lib/ml/sweep/importance';

const AXIS_TICK = { fill: 'var(--muted)', fontSize: 12 };
const TOOLTIP_STYLE = { background: 'var(--surface)', border: '1px solid var(--border)', borderRadius: 8, color: 'var(--text)' };
const OBSERVED = 'Variance explained (%)';
const SHUFFLED = 'Shuffled, 95th percentile (%)';

/** η² (0..1) as a percentage with one decimal, the unit the chart and table use. */
const percent = (x: number) => Math.round(1000 * x) / 10;
const pText = (p: number) => (p < 0.01 ? p.toFixed(3) : p.toFixed(2));

/** What the chart shows, in words, for assistive tech (the chart itself is an image). */
function describe(importance: ImportanceScores): string {
  const bars = importance.scores.map((s) => `${s.param} ${percent(s.score)}% against ${percent(s.shuffledP95)}% shuffled${s.standsOut ? ', stands out' : ''}`);
  return `Bar chart of parameter importance: for each of ${importance.scores.length} params, the variance it explains beside the 95th percentile of the same statistic on shuffled objectives. ${bars.join('; ')}. The table below has every value.`;
}

/**
 * Parameter importance with its noise reference: per param, raw variance explained (η²) beside
 * the 95th percentile of η² on shuffled objectives, so a bar only counts when it clears its
 * shuffled twin. The sentence says which params stand out; the table (the text alternative)
 * adds the shuffled mean and the p-value. Params come highest η² first, as the lesson reads them.
 */
export function ImportanceChart({ importance, caption, height = 220 }: { importance: ImportanceScores; caption: string; height?: number }) {
  const headingId = useId();
  const data = importance.scores.map((s) => ({ label: s.param, observed: percent(s.score), shuffled: percent(s.shuffledP95) }));
  const anyStandsOut = importance.scores.some((s) => s.standsOut);
  return (
    <figure className="chart-figure" aria-labelledby={headingId}>
      <h4 id={headingId} className="chart-title">
        Parameter importance
      </h4>
      <p className={`notice ${anyStandsOut ? 'ok' : 'info'}`} data-testid="importance-sentence">
        {importance.sentence}
      </p>
      {data.length > 0 && (
        <ChartBox label={describe(importance)} height={height}>
          <ResponsiveContainer width="100%" height={height} minWidth={0}>
            <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
              <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" tick={AXIS_TICK} stroke="var(--border)" interval={0} />
              <YAxis tick={AXIS_TICK} stroke="var(--border)" width={44} domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} unit="%" />
              <Tooltip contentStyle={TOOLTIP_STYLE} labelStyle={{ color: 'var(--text)' }} itemStyle={{ color: 'var(--text)' }} cursor={{ fill: 'var(--surface-2)' }} />
              <Legend wrapperStyle={{ fontSize: 12, color: 'var(--text)' }} />
              <Bar dataKey="observed" name={OBSERVED} fill="var(--accent)" isAnimationActive={false} />
              <Bar dataKey="shuffled" name={SHUFFLED} fill="var(--muted)" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </ChartBox>
      )}
      <p className="chart-caption">{caption}</p>
      {data.length > 0 && (
        <ChartTable summary="Table: parameter importance and its shuffled baseline" label="Parameter importance: table">
          <thead>
            <tr>
              <th scope="col">Param</th>
              <th scope="col" className="num">
                {OBSERVED}
              </th>
              <th scope="col" className="num">
                Shuffled, mean (%)
              </th>
              <th scope="col" className="num">
                {SHUFFLED}
              </th>
              <th scope="col" className="num">
                p-value
              </th>
              <th scope="col">Stands out</th>
            </tr>
          </thead>
          <tbody>
            {importance.scores.map((s) => (
              <tr key={s.param}>
                <th scope="row">{s.param}</th>
                <td className="num">{percent(s.score)}</td>
                <td className="num">{percent(s.shuffledMean)}</td>
                <td className="num">{percent(s.shuffledP95)}</td>
                <td className="num">{pText(s.pValue)}</td>
                <td>{s.standsOut ? 'Yes' : 'No'}</td>
              </tr>
            ))}
          </tbody>
        </ChartTable>
      )}
    </figure>
  );
}
