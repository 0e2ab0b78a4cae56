'use client';

import { useId, useMemo, useState } from 'react';
import { CartesianGrid, LabelList, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartBox, ChartTable } from '@/components/charts/ChartParts';
import { formatMetric, metricLabel } from '@/components/runs/format';
import { formatNumber, prefersLogScale } from '@/lib/charts/scales';
import { lowerIsBetter, type ParamValue, type RunRecord } from '@/lib/tracking/run-types';
import { seriesStyle } from './series-style';

const HEIGHT = 300;

interface Props {
  runs: readonly RunRecord[];
  /** Param keys to offer, the differing ones first. */
  params: readonly string[];
  /** Metric keys to offer. */
  metrics: readonly string[];
  /** The page's metric: the initial choice. */
  metric: string;
}

type Which = 'best' | 'last';

const paramOf = (run: RunRecord, key: string): ParamValue | undefined => (Object.hasOwn(run.params, key) ? run.params[key] : undefined);

/**
 * A scatter of one param (numeric, or categorical on evenly spaced slots) against one metric's
 * best or last value: one point per run, in the run's colour and symbol, labelled with its name.
 */
export function ParamScatter({ runs, params, metrics, metric: pageMetric }: Props) {
  const id = useId();
  const [chosenParam, setParam] = useState<string | null>(null);
  const [chosenMetric, setMetric] = useState<string | null>(null);
  const [which, setWhich] = useState<Which>('best');
  // A choice that no longer applies (its run was removed) falls back to the defaults.
  const param = chosenParam !== null && params.includes(chosenParam) ? chosenParam : (params[0] ?? '');
  const metric = chosenMetric !== null && metrics.includes(chosenMetric) ? chosenMetric : pageMetric;
  const shaped = useMemo(() => {
    const values = runs.map((r) => paramOf(r, param));
    const numeric = values.every((v) => v === undefined || typeof v === 'number');
    const categories = numeric ? [] : [...new Set(values.filter((v) => v !== undefined).map(String))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    const points = runs.map((run, index) => {
      const v = values[index];
      const y = which === 'best' ? run.bestMetrics[metric]?.value : run.lastMetrics[metric];
      const x = v === undefined ? undefined : numeric ? (v as number) : categories.indexOf(String(v));
      return { run, index, x, y, raw: v };
    });
    const drawable = points.filter((p): p is typeof p & { x: number; y: number } => p.x !== undefined && Number.isFinite(p.x) && p.y !== undefined && Number.isFinite(p.y));
    const skipped = points.filter((p) => !drawable.includes(p as (typeof drawable)[number])).map((p) => p.run.name);
    const xs = drawable.map((p) => p.x);
    const log = numeric && prefersLogScale(param, xs);
    return { numeric, categories, points, drawable, skipped, log };
  }, [runs, param, metric, which]);

  if (params.length === 0) return <p className="muted">These runs have no params to plot.</p>;
  const label = metricLabel(metric);
  const yName = `${which} ${label}`;
  const formatX = (v: number) => (shaped.numeric ? formatNumber(v) : (shaped.categories[v] ?? ''));
  return (
    <figure className="chart-figure" data-testid="compare-scatter">
      <figcaption>
        {param} against {yName} <span className="muted">({lowerIsBetter(metric) ? 'lower' : 'higher'} is better)</span>
      </figcaption>
      <div className="compare-controls">
        <div className="field">
          <label htmlFor={`${id}-param`}>Param (x)</label>
          <select id={`${id}-param`} value={param} onChange={(e) => setParam(e.target.value)}>
            {params.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-metric`}>Metric (y)</label>
          <select id={`${id}-metric`} value={metric} onChange={(e) => setMetric(e.target.value)}>
            {metrics.map((m) => (
              <option key={m} value={m}>
                {metricLabel(m)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-which`}>Value</label>
          <select id={`${id}-which`} value={which} onChange={(e) => setWhich(e.target.value as Which)}>
            <option value="best">best</option>
            <option value="last">last</option>
          </select>
        </div>
      </div>
      <ChartBox label={`Scatter of ${param}${shaped.log ? ' (log scale)' : ''} against ${yName}, one labelled point per run: ${shaped.drawable.map((p) => `${p.run.name} ${formatX(p.x)}, ${formatMetric(p.y)}`).join('; ')}.`} height={HEIGHT}>
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart margin={{ top: 20, right: 24, bottom: 16, left: 0 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
            {shaped.numeric ? (
              <XAxis type="number" dataKey="x" name={param} scale={shaped.log ? 'log' : 'auto'} domain={['auto', 'auto']} tickFormatter={formatX} stroke="var(--muted)" tick={{ fontSize: 12 }} label={{ value: param, position: 'insideBottomRight', offset: -8, fontSize: 12 }} />
            ) : (
              <XAxis type="number" dataKey="x" name={param} domain={[-0.5, Math.max(0.5, shaped.categories.length - 0.5)]} ticks={shaped.categories.map((_, i) => i)} tickFormatter={formatX} allowDecimals={false} stroke="var(--muted)" tick={{ fontSize: 12 }} label={{ value: param, position: 'insideBottomRight', offset: -8, fontSize: 12 }} />
            )}
            <YAxis type="number" dataKey="y" name={yName} domain={['auto', 'auto']} tickFormatter={formatNumber} stroke="var(--muted)" tick={{ fontSize: 12 }} width={60} />
            <Tooltip formatter={(v, name) => (name === param ? formatX(Number(v)) : formatMetric(Number(v)))} />
            {shaped.drawable.map((p) => {
              const style = seriesStyle(p.index);
              return (
                <Scatter key={p.run.id} name={p.run.name} data={[{ x: p.x, y: p.y, name: p.run.name }]} fill={style.color} shape={style.symbol} isAnimationActive={false}>
                  <LabelList dataKey="name" position="top" fontSize={11} fill="var(--text)" />
                </Scatter>
              );
            })}
          </ScatterChart>
        </ResponsiveContainer>
      </ChartBox>
      {shaped.skipped.length > 0 && <p className="muted">Not plotted (no {param} or no finite {label}): {shaped.skipped.join(', ')}.</p>}
      <ChartTable summary={`Table of ${param} and ${yName} per run`} label={`${param} and ${yName} per run as a table`}>
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">{param}</th>
            <th scope="col">{yName}</th>
          </tr>
        </thead>
        <tbody>
          {shaped.points.map((p) => (
            <tr key={p.run.id}>
              <th scope="row">{p.run.name}</th>
              <td>{p.raw === undefined ? '—' : typeof p.raw === 'number' ? formatNumber(p.raw) : String(p.raw)}</td>
              <td>
                {p.y === undefined ? 'not logged' : formatMetric(p.y)}
                {which === 'best' && p.run.bestMetrics[metric] ? ` (step ${p.run.bestMetrics[metric]!.step})` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </ChartTable>
    </figure>
  );
}
