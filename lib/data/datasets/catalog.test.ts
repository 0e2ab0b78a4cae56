import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { column, type DataTable } from '../table';
import { BUILTIN_DATASETS, builtinDataset } from './catalog';
import { flightsTable, parseFlightTime } from './flights';

const load = (id: string): DataTable => {
  const dataset = builtinDataset(id)!;
  const file = path.join(process.cwd(), 'node_modules', dataset.source);
  return dataset.parse(readFileSync(file, 'utf8'));
};
const missing = (table: DataTable, name: string) => column(table, name).values.filter((v) => v === null).length;

describe('built-in datasets', () => {
  it.each(BUILTIN_DATASETS.map((d) => d.id))('%s parses from the npm package with every declared column', (id) => {
    const dataset = builtinDataset(id)!;
    const table = load(id);
    expect(table.rowCount).toBeGreaterThan(300);
    for (const name of [...dataset.features, ...dataset.targets.map((t) => t.column), ...(dataset.timeColumn ? [dataset.timeColumn] : [])]) {
      expect(column(table, name).values).toHaveLength(table.rowCount);
    }
    for (const t of dataset.targets) expect(column(table, t.column).type).toBe(t.task === 'regression' ? 'numeric' : t.column === 'delayed' ? 'boolean' : 'categorical');
  });

  it('flights: 20,000 rows, derived features, 21.7% delayed', () => {
    const t = load('flights');
    expect(t.rowCount).toBe(20_000);
    const delayed = column(t, 'delayed').values as number[];
    expect(delayed.reduce((a, b) => a + b, 0)).toBe(4349); // 21.7 %, as lesson 3 quotes
    expect(new Set<unknown>(column(t, 'month').values)).toEqual(new Set([1, 2, 3]));
    expect(missing(t, 'hour')).toBe(0);
  });

  it('flights: time parsing is UTC wall-clock and bad rows become missing values', () => {
    expect(new Date(parseFlightTime('2001/01/07 23:59')).toISOString()).toBe('2001-01-07T23:59:00.000Z');
    expect(parseFlightTime('yesterday')).toBeNaN();
    const t = flightsTable([
      { date: '2001/01/07 23:59', delay: 20, distance: 100, origin: 'SFO', destination: 'LAX' },
      { date: 'bad', delay: Number.NaN, distance: 100, origin: '', destination: 'LAX' },
    ]);
    expect(t.columns.map((c) => [c.name, c.values[0]])).toEqual([
      ['time', Date.UTC(2001, 0, 7, 23, 59)],
      ['hour', 23],
      ['weekday', 'Sun'],
      ['month', 1],
      ['distance', 100],
      ['origin', 'SFO'],
      ['destination', 'LAX'],
      // History features: nothing had landed before the first flight left.
      ['recent_delay', null],
      ['origin_delay', null],
      ['destination_delay', null],
      ['delay', 20],
      ['delayed', 1],
    ]);
    expect(t.columns.map((c) => c.values[1])).toEqual([null, null, null, null, 100, null, 'LAX', null, null, null, null, null]);
  });

  it('penguins, cars and weather match their known shapes', () => {
    const penguins = load('penguins');
    const species = column(penguins, 'species').values;
    expect([species.filter((s) => s === 'Adelie').length, species.filter((s) => s === 'Chinstrap').length, species.filter((s) => s === 'Gentoo').length]).toEqual([152, 68, 124]);
    const cars = load('cars');
    expect(cars.rowCount).toBe(406);
    expect(missing(cars, 'mpg')).toBe(8);
    const weather = load('seattle-weather');
    expect(weather.rowCount).toBe(1461);
    expect(new Set<unknown>(column(weather, 'weather').values)).toEqual(new Set(['drizzle', 'rain', 'sun', 'snow', 'fog']));
  });
});
