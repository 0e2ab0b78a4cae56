import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitPreprocessing, transformRecord, type Preprocessing } from '../../data/preprocess';
import { seededRandom } from '../../data/random';
import { tableFromRecords } from '../../data/table';
import { readFileSync } from 'node:fs';
import { buildResponse, parseRequest, validateRequest, type RequestError } from '../../serving/contract';
import { inferDataContract } from '../../serving/data-contract';
import type { DataContract, ValidationPolicy } from '../../tracking/serving-types';
import { GENERATED_FILE, generatePackageRuntime } from '../../../scripts/package-runtime.mjs';
import { CONTRACT_MJS, PREPROCESS_MJS } from './generated/runtime';

// The generated modules are plain JS: write them out and import them as the package would.
const dir = join(process.cwd(), 'test-results', `templates-${process.pid}-${Date.now()}`);
type Port = { transformRecord: (prep: Preprocessing, record: Record<string, unknown>) => Float32Array };
type Contract = {
  parseRequest: (text: string, prep: Preprocessing) => { id: unknown; records: Array<Record<string, unknown>> };
  validateRequest: typeof validateRequest;
  buildResponse: typeof buildResponse;
  MAX_ROWS: number;
};
let port: Port;
let contract: Contract;
beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'preprocess.mjs'), PREPROCESS_MJS);
  writeFileSync(join(dir, 'contract.mjs'), CONTRACT_MJS);
  port = (await import(/* @vite-ignore */ join(dir, 'preprocess.mjs'))) as Port;
  contract = (await import(/* @vite-ignore */ join(dir, 'contract.mjs'))) as Contract;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const schema = [
  { name: 'distance', type: 'numeric' as const },
  { name: 'hour', type: 'numeric' as const },
  { name: 'origin', type: 'categorical' as const },
];
const training = [
  { distance: 300, hour: 8, origin: 'SEA' },
  { distance: 1200, hour: null, origin: 'LAX' },
  { distance: null, hour: 17, origin: 'SEA' },
  { distance: 800, hour: 21, origin: null },
  { distance: 450, hour: 6, origin: 'SFO' },
];
const prep = (scale: boolean) => fitPreprocessing(tableFromRecords(training, schema), [0, 1, 2, 3, 4], ['distance', 'hour', 'origin'], { scale, maxCategories: 2 });

describe('one source of truth for the package runtime', () => {
  it('ships exactly what the TypeScript sources emit now (the build regenerates it; a stale copy fails here)', () => {
    expect(readFileSync(join(process.cwd(), GENERATED_FILE), 'utf8')).toBe(generatePackageRuntime());
    expect(CONTRACT_MJS).toContain('from lib/serving/contract.ts');
    expect(PREPROCESS_MJS).toContain('from lib/data/encode-record.ts');
  });

  it('contract.mjs gives the TypeScript contract’s verdict on every request, word for word', () => {
    const p = prep(true);
    const columns = ['distance', 'hour', 'origin'];
    const bodies: string[] = [
      '',
      '  ',
      '{"id": 1,',
      '[1]',
      'null',
      JSON.stringify({ id: { x: 1 }, columns, rows: [] }),
      JSON.stringify({ id: 'a', columns: ['distance', 'hour'], rows: [] }),
      JSON.stringify({ id: 'a', columns: [...columns, 'seat', 'gate'], rows: [] }),
      JSON.stringify({ id: 'a', columns: ['hour', ...columns], rows: [] }),
      JSON.stringify({ id: 'a', columns: 'distance', rows: [] }),
      JSON.stringify({ id: 'a', columns, rows: 'x' }),
      JSON.stringify({ id: 'a', columns, rows: [{ distance: 1 }] }),
      JSON.stringify({ id: 'a', columns, rows: [[1, 2]] }),
      JSON.stringify({ id: 'a', columns, rows: [['12,5', 2, 'SEA']] }),
      JSON.stringify({ id: 'a', columns, rows: [['N/A', 2, 'SEA']] }),
      JSON.stringify({ id: 'a', columns, rows: [[1, [2], { code: 'SEA' }]] }),
      JSON.stringify({ id: 'a', columns, rows: [[1, 2, { code: 'x'.repeat(80) }]] }),
      '{"id": "a", "columns": ["distance", "hour", "origin"], "rows": [[1e400, 2, "SEA"]]}',
      JSON.stringify({ id: 7, columns, rows: [[300, '8', 'SEA'], [null, '', null], [true, false, 42]] }),
      JSON.stringify({ columns, rows: Array.from({ length: 10_001 }, () => [1, 2, 'SEA']) }),
      JSON.stringify({ id: 'p', columns: ['origin', 'distance', 'hour'], rows: [['__proto__', ' 12 ', '1e3']] }),
    ];
    const outcome = (parse: (text: string) => unknown, text: string) => {
      try {
        return { ok: JSON.parse(JSON.stringify(parse(text))) as unknown };
      } catch (error) {
        const e = error as RequestError;
        return { status: e.status, message: e.message, id: e.id ?? null, name: e.name };
      }
    };
    for (const body of bodies) {
      const fromTs = outcome((t) => parseRequest(t, p), body);
      expect(outcome((t) => contract.parseRequest(t, p), body), body.slice(0, 80)).toEqual(fromTs);
    }
    // Row by row under every policy, and the answer built from the same outputs.
    const dataContract: DataContract = inferDataContract(tableFromRecords(training, schema), [0, 1, 2, 3, 4], columns);
    const dirty = [
      JSON.stringify({ id: 'd', columns, rows: [[300, 8, 'SEA'], ['12,5', null, 'JFK'], [99999, 'N/A', { code: 'SEA' }], [300, 8, 'SEA'], [1, 2], 'x', ['', '', '']] }),
      JSON.stringify({ id: 'e', columns: ['origin', 'distance', 'seat'], rows: [['LAX', 500, 'window']] }),
      JSON.stringify({ id: 'f', columns, rows: [] }),
    ];
    for (const policy of ['reject', 'impute', 'pass'] as ValidationPolicy[]) {
      for (const body of [...bodies, ...dirty]) {
        const answer = (validate: typeof validateRequest, build: typeof buildResponse) => (text: string) => {
          const judged = validate(text, dataContract, policy);
          const raw = judged.rows.filter((r) => r.record).map((_, i) => [i / 10, 1 - i / 10]);
          return { judged, response: build(judged, raw, { task: 'classification', classNames: ['no', 'yes'], version: 2 }) };
        };
        expect(outcome(answer(contract.validateRequest, contract.buildResponse), body), `${policy} ${body.slice(0, 80)}`).toEqual(outcome(answer(validateRequest, buildResponse), body));
      }
    }
  });
});

describe('preprocess.mjs (the package’s port of transformRecord)', () => {
  it('gives bit-identical inputs to transformRecord for numbers, numeric strings, blanks, garbage, unseen and numeric categories', () => {
    const random = seededRandom(7);
    const numeric = [0, -3.5, 1e6, 812.25, '640', ' 12 ', '1e3', '0x10', '', ' ', null, undefined, 'abc', 'Infinity', true, Number.NaN];
    const categorical = ['SEA', 'LAX', 'SFO', 'JFK', '', ' ', null, undefined, 42, 'sea', true];
    const pick = <T,>(xs: T[]) => xs[Math.floor(random() * xs.length)];
    for (const scale of [true, false]) {
      const p = prep(scale);
      for (let i = 0; i < 400; i++) {
        const record = { distance: pick(numeric), hour: pick(numeric), origin: pick(categorical) };
        expect(Array.from(port.transformRecord(p, record)), JSON.stringify(record)).toEqual(Array.from(transformRecord(p, record)));
      }
      expect(Array.from(port.transformRecord(p, {}))).toEqual(Array.from(transformRecord(p, {})));
    }
  });
});

describe('contract.mjs (POST /predict body checks)', () => {
  const p = prep(true);
  const parse = (body: unknown) => contract.parseRequest(typeof body === 'string' ? body : JSON.stringify(body), p);
  const refusal = (body: unknown) => {
    try {
      parse(body);
    } catch (error) {
      const e = error as { status: number; message: string; id: unknown };
      return { status: e.status, message: e.message, id: e.id };
    }
    throw new Error('accepted');
  };

  it('turns rows into records by column name, in any column order, keeping values for transformRecord', () => {
    const { id, records } = parse({ id: 'req-1', columns: ['origin', 'distance', 'hour'], rows: [['SEA', 300, '8'], [null, '', null], ['JFK', '1e3', 6]] });
    expect(id).toBe('req-1');
    expect(records.map((r) => ({ ...r }))).toEqual([
      { origin: 'SEA', distance: 300, hour: '8' },
      { origin: null, distance: '', hour: null },
      { origin: 'JFK', distance: '1e3', hour: 6 },
    ]);
    expect(Array.from(transformRecord(p, records[0]!))).toEqual(Array.from(transformRecord(p, { distance: 300, hour: 8, origin: 'SEA' })));
    expect(parse({ id: 7, columns: ['distance', 'hour', 'origin'], rows: [] })).toEqual({ id: 7, records: [] });
    // A yes/no column was read as 1/0 in training: JSON booleans keep that meaning.
    const yesNo = parse({ id: 8, columns: ['distance', 'hour', 'origin'], rows: [[true, false, true]] }).records[0]!;
    expect(Array.from(transformRecord(p, yesNo))).toEqual(Array.from(transformRecord(p, { distance: 1, hour: 0, origin: 'true' })));
    expect(parse({ columns: ['distance', 'hour', 'origin'], rows: [] }).id).toBeNull();
  });

  it('refuses an empty body, invalid JSON and a body that is not an object', () => {
    expect(refusal('')).toMatchObject({ status: 400, message: expect.stringMatching(/body is empty/) });
    expect(refusal('  \n')).toMatchObject({ status: 400, message: expect.stringMatching(/body is empty/) });
    expect(refusal('{"id": 1,')).toMatchObject({ status: 400, message: expect.stringMatching(/not valid JSON/) });
    expect(refusal('[1, 2]')).toMatchObject({ status: 400, message: expect.stringMatching(/must be a JSON object/) });
    expect(refusal({ id: { x: 1 }, columns: [], rows: [] })).toMatchObject({ status: 400, message: '"id" must be a string or a number.' });
  });

  it('refuses missing, unknown and repeated columns, naming them and the expected ones', () => {
    expect(refusal({ id: 'a', columns: ['distance', 'hour'], rows: [] })).toMatchObject({ status: 400, id: 'a', message: expect.stringMatching(/^Missing column "origin"\..*"distance", "hour", "origin"/) });
    expect(refusal({ id: 'a', columns: ['distance', 'hour', 'origin', 'seat'], rows: [] }).message).toMatch(/^Unknown column "seat"\./);
    expect(refusal({ id: 'a', columns: ['distance', 'hour', 'hour', 'origin'], rows: [] }).message).toBe('Column "hour" is named twice in "columns".');
    expect(refusal({ id: 'a', columns: 'distance', rows: [] }).message).toMatch(/"columns" must be an array/);
  });

  it('refuses rows of the wrong length or type, and too many rows', () => {
    const columns = ['distance', 'hour', 'origin'];
    expect(refusal({ id: 'a', columns, rows: [[1, 2, 'SEA'], [1, 2, 'SEA'], [1, 'SEA']] }).message).toBe('row 2 has 2 values but 3 columns were named.');
    expect(refusal({ id: 'a', columns, rows: [{ distance: 1 }] }).message).toBe('row 0 is not an array of values.');
    expect(refusal({ id: 'a', columns, rows: 'x' }).message).toMatch(/"rows" must be an array/);
    const tooMany = Array.from({ length: contract.MAX_ROWS + 1 }, () => [1, 2, 'SEA']);
    expect(refusal({ id: 'a', columns, rows: tooMany }).message).toBe(`Too many rows: ${contract.MAX_ROWS + 1}. Send at most ${contract.MAX_ROWS} rows per request.`);
  });

  it('refuses a non-numeric value in a numeric column and a non-text value in a categorical one, naming row and column', () => {
    const columns = ['distance', 'hour', 'origin'];
    expect(refusal({ id: 'a', columns, rows: [['abc', 2, 'SEA']] }).message).toBe('row 0, column distance: expected a number, got "abc".');
    expect(refusal({ id: 'a', columns, rows: [[1, 2, 'SEA'], [1, ' ', 'SEA']] }).message).toBe('row 1, column hour: expected a number, got " ".');
    expect(refusal({ id: 'a', columns, rows: [[1, 'true', 'SEA']] }).message).toBe('row 0, column hour: expected a number, got "true".');
    expect(refusal({ id: 'a', columns, rows: [[1, [2], 'SEA']] }).message).toBe('row 0, column hour: expected a number, got [2].');
    expect(refusal({ id: 'a', columns, rows: [[1, 'Infinity', 'SEA']] }).message).toMatch(/column hour: expected a number/);
    expect(refusal('{"id": "a", "columns": ["distance", "hour", "origin"], "rows": [[1e400, 2, "SEA"]]}').message).toMatch(/column distance: expected a number, got one too large/);
    expect(refusal({ id: 'a', columns, rows: [[1, 2, { code: 'SEA' }]] }).message).toBe('row 0, column origin: expected a string, got {"code":"SEA"}.');
  });
});
