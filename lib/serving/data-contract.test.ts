import { describe, expect, it } from 'vitest';
import { fitPreprocessing } from '../data/preprocess';
import { tableFromRecords } from '../data/table';
import { contractFromPreprocessing, describeContract, inferDataContract, MAX_CONTRACT_CATEGORIES, RANGE_TOLERANCE, readDataContract, versionContract } from './data-contract';

const schema = [
  { name: 'when', type: 'datetime' as const },
  { name: 'distance', type: 'numeric' as const },
  { name: 'weekend', type: 'boolean' as const },
  { name: 'origin', type: 'categorical' as const },
  { name: 'empty', type: 'numeric' as const },
];
const DAY = 86_400_000;
const table = tableFromRecords(
  [
    { when: Date.UTC(2001, 0, 1), distance: 300, weekend: true, origin: 'SEA', empty: null },
    { when: Date.UTC(2001, 0, 2), distance: null, weekend: false, origin: 'LAX', empty: null },
    { when: Date.UTC(2001, 0, 3), distance: 1200, weekend: false, origin: null, empty: null },
    { when: Date.UTC(2001, 0, 4), distance: 450, weekend: true, origin: 'SEA', empty: null },
    // Row 4 is the held-out test row: its values must not reach the contract.
    { when: Date.UTC(2001, 5, 1), distance: 99_999, weekend: true, origin: 'JFK', empty: 5 },
  ],
  schema,
);

describe('inferDataContract', () => {
  const contract = inferDataContract(table, [0, 1, 2, 3], ['origin', 'distance', 'weekend', 'when', 'empty']);

  it('lists the input columns in model input order, from the training rows only', () => {
    expect(contract).toMatchObject({ format: 1, source: 'training', rows: 4, rangeTolerance: RANGE_TOLERANCE });
    expect(contract.columns.map((c) => c.name)).toEqual(['origin', 'distance', 'weekend', 'when', 'empty']);
  });

  it('gives numeric, yes/no and date columns their training range and missing rate', () => {
    expect(contract.columns[1]).toEqual({ name: 'distance', kind: 'numeric', type: 'numeric', min: 300, max: 1200, missingRate: 0.25 });
    expect(contract.columns[2]).toEqual({ name: 'weekend', kind: 'numeric', type: 'boolean', min: 0, max: 1, missingRate: 0 });
    expect(contract.columns[3]).toEqual({ name: 'when', kind: 'numeric', type: 'datetime', min: Date.UTC(2001, 0, 1), max: Date.UTC(2001, 0, 1) + 3 * DAY, missingRate: 0 });
    // Never seen with a value: the range is unknown (JSON cannot hold ±Infinity).
    expect(contract.columns[4]).toEqual({ name: 'empty', kind: 'numeric', type: 'numeric', min: null, max: null, missingRate: 1 });
  });

  it('gives categorical columns every category seen, sorted, and the missing rate', () => {
    expect(contract.columns[0]).toEqual({ name: 'origin', kind: 'categorical', categories: ['LAX', 'SEA'], complete: true, missingRate: 0.25 });
  });

  it('survives JSON (what the artifact and the package store) and reads back as valid', () => {
    const copy = JSON.parse(JSON.stringify(contract)) as unknown;
    expect(copy).toEqual(contract);
    expect(readDataContract(copy)).toEqual(contract);
  });

  it('marks a category list incomplete past MAX_CONTRACT_CATEGORIES, and handles no rows', () => {
    const many = tableFromRecords(
      Array.from({ length: MAX_CONTRACT_CATEGORIES + 5 }, (_, i) => ({ id: `c${String(i).padStart(5, '0')}` })),
      [{ name: 'id', type: 'categorical' }],
    );
    const c = inferDataContract(many, Array.from({ length: many.rowCount }, (_, i) => i), ['id']).columns[0]!;
    expect(c).toMatchObject({ kind: 'categorical', complete: false });
    expect(c.kind === 'categorical' && c.categories.length).toBe(MAX_CONTRACT_CATEGORIES);
    expect(inferDataContract(table, [], ['distance']).columns[0]).toEqual({ name: 'distance', kind: 'numeric', type: 'numeric', min: null, max: null, missingRate: 0 });
    expect(() => inferDataContract(table, [0], ['seat'])).toThrow(/no column "seat"/);
  });
});

describe('contractFromPreprocessing and versionContract', () => {
  const prep = fitPreprocessing(table, [0, 1, 2, 3], ['distance', 'origin']);

  it('rebuilds columns and kept categories from an older run, with ranges and missing rates unknown', () => {
    expect(contractFromPreprocessing(prep)).toEqual({
      format: 1,
      source: 'preprocessing',
      rows: 0,
      rangeTolerance: RANGE_TOLERANCE,
      columns: [
        { name: 'distance', kind: 'numeric', type: 'numeric', min: null, max: null, missingRate: null },
        { name: 'origin', kind: 'categorical', categories: ['LAX', 'SEA'], complete: true, missingRate: null },
      ],
    });
    // An encoder that kept its 20 most frequent may have dropped others: the list is not complete.
    const twenty = { encoders: [{ kind: 'onehot' as const, column: 'c', categories: Array.from({ length: 20 }, (_, i) => `v${i}`), mode: 'v0' }] };
    expect(contractFromPreprocessing(twenty).columns[0]).toMatchObject({ complete: false });
  });

  it('serves with the version’s own contract when it has one', () => {
    const own = inferDataContract(table, [0, 1, 2, 3], ['distance', 'origin']);
    expect(versionContract({ contract: own }, prep)).toBe(own);
    expect(versionContract({}, prep).source).toBe('preprocessing');
  });
});

describe('readDataContract', () => {
  const good = inferDataContract(table, [0, 1, 2, 3], ['distance', 'origin']);
  const damaged = (patch: (c: Record<string, unknown>) => void) => {
    const copy = JSON.parse(JSON.stringify(good)) as Record<string, unknown>;
    patch(copy);
    return readDataContract(copy);
  };

  it('refuses damaged contracts', () => {
    expect(readDataContract(null)).toBeNull();
    expect(readDataContract('contract')).toBeNull();
    expect(damaged((c) => (c.format = 2))).toBeNull();
    expect(damaged((c) => (c.columns = []))).toBeNull();
    expect(damaged((c) => (c.rangeTolerance = -1))).toBeNull();
    expect(damaged((c) => ((c.columns as Array<Record<string, unknown>>)[0]!.min = 'x'))).toBeNull();
    expect(damaged((c) => ((c.columns as Array<Record<string, unknown>>)[0]!.min = 5000))).toBeNull();
    expect(damaged((c) => ((c.columns as Array<Record<string, unknown>>)[1]!.categories = [1, 2]))).toBeNull();
    expect(damaged((c) => ((c.columns as Array<Record<string, unknown>>)[1]!.missingRate = 2))).toBeNull();
    expect(damaged((c) => ((c.columns as Array<Record<string, unknown>>)[1]!.name = 'distance'))).toBeNull();
    expect(damaged((c) => ((c.columns as Array<Record<string, unknown>>)[1]!.kind = 'text'))).toBeNull();
  });
});

describe('describeContract', () => {
  it('says where the contract comes from, then one line per column', () => {
    const lines = describeContract(inferDataContract(table, [0, 1, 2, 3], ['distance', 'weekend', 'when', 'origin', 'empty']));
    expect(lines).toEqual([
      'Inferred from 4 training rows; a value more than 10 % of a column\'s range outside it is out of range.',
      'distance: number, 300 to 1200 in training, 25.0 % missing',
      'weekend: yes/no, yes or no, never missing',
      'when: date, 2001-01-01 to 2001-01-04 in training, never missing',
      'origin: category, 2 values (LAX, SEA), 25.0 % missing',
      'empty: number, range not recorded, 100.0 % missing',
    ]);
    const old = describeContract(contractFromPreprocessing(fitPreprocessing(table, [0, 1, 2, 3], ['distance', 'origin'])));
    expect(old[0]).toMatch(/^Rebuilt from the preprocessing/);
    expect(old[1]).toBe('distance: number, range not recorded, missing rate not recorded');
    expect(old[2]).toBe('origin: category, 2 values (LAX, SEA), missing rate not recorded');
  });
});
