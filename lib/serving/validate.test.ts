import { describe, expect, it } from 'vitest';
import type { DataContract, IssueKind, ValidationPolicy } from '../tracking/serving-types';
import { acceptedRecords, buildResponse, MAX_ROWS, parseRequest, RequestError, validateBody, validateRequest, type RequestValue, type ValidatedRequest } from './contract';

const contract: DataContract = {
  format: 1,
  source: 'training',
  rows: 200,
  rangeTolerance: 0.1,
  columns: [
    { name: 'distance', kind: 'numeric', type: 'numeric', min: 100, max: 2500, missingRate: 0.08 },
    { name: 'hour', kind: 'numeric', type: 'numeric', min: 5, max: 22, missingRate: 0 },
    { name: 'weekend', kind: 'numeric', type: 'boolean', min: 0, max: 1, missingRate: 0 },
    { name: 'carrier', kind: 'categorical', categories: ['AA', 'DL', 'UA'], complete: true, missingRate: 0 },
  ],
};
const COLUMNS = ['distance', 'hour', 'weekend', 'carrier'];
const POLICIES: ValidationPolicy[] = ['reject', 'impute', 'pass'];
const CLEAN = [850, 9, false, 'AA'];

const validate = (rows: unknown, policy: ValidationPolicy, columns: unknown = COLUMNS) => validateRequest(JSON.stringify({ id: 'r', columns, rows }), contract, policy);
const plain = (record: Record<string, RequestValue> | null) => (record ? { ...record } : null);
const refusal = (run: () => unknown): { status: number; message: string } => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RequestError);
    return { status: (error as RequestError).status, message: (error as Error).message };
  }
  throw new Error('accepted');
};

describe('validateRequest: one dirty cell under each policy', () => {
  // [what, column index, bad value, kind, message, value under impute, value under pass]
  const cases: Array<[string, number, unknown, IssueKind, string, RequestValue, RequestValue]> = [
    ['a decimal comma', 0, '12,5', 'malformed-number', 'row 0, column distance: expected a number, got "12,5".', null, '12,5'],
    ['N/A', 0, 'N/A', 'malformed-number', 'row 0, column distance: expected a number, got "N/A".', null, 'N/A'],
    ['text', 1, 'abc', 'malformed-number', 'row 0, column hour: expected a number, got "abc".', null, 'abc'],
    ['an object', 0, { value: 850 }, 'wrong-type', 'row 0, column distance: expected a number, got {"value":850}.', null, null],
    ['a list in a category', 3, ['AA'], 'wrong-type', 'row 0, column carrier: expected a string, got ["AA"].', null, null],
    ['null where training had none missing', 1, null, 'missing', 'row 0, column hour: no value, and training had none missing.', null, null],
    ['"" where training had none missing', 3, '', 'missing', 'row 0, column carrier: no value, and training had none missing.', null, ''],
    ['a category never seen', 3, 'QX', 'unseen-category', 'row 0, column carrier: "QX" was not seen in training.', null, 'QX'],
    ['far above the range', 0, 15000, 'out-of-range', 'row 0, column distance: 15000 is outside the training range 100 to 2500.', 2500, 15000],
    ['below the range, as text', 1, '-3', 'out-of-range', 'row 0, column hour: "-3" is outside the training range 5 to 22.', 5, '-3'],
    ['a huge number', 0, 1e308, 'out-of-range', 'row 0, column distance: 1e+308 is outside the training range 100 to 2500.', 2500, 1e308],
  ];
  for (const [what, at, bad, kind, message, imputed, passed] of cases) {
    it(`${what}: ${kind}`, () => {
      const row = CLEAN.map((v, i) => (i === at ? bad : v));
      const expected = { reject: { verdict: 'rejected', value: undefined }, impute: { verdict: 'flagged', value: imputed }, pass: { verdict: 'flagged', value: passed } } as const;
      for (const policy of POLICIES) {
        const judged = validate([row, CLEAN.map((v, i) => (i === 0 ? 1000 : v))], policy);
        const [first, second] = judged.rows;
        expect(first!.issues, policy).toEqual([{ kind, column: COLUMNS[at], message }]);
        expect(first!.verdict, policy).toBe(expected[policy].verdict);
        expect(first!.values).toEqual(row);
        if (policy === 'reject') expect(first!.record).toBeNull();
        else expect(plain(first!.record), policy).toEqual({ distance: 850, hour: 9, weekend: false, carrier: 'AA', [COLUMNS[at]!]: expected[policy].value });
        // The rest of the batch is untouched.
        expect(second).toMatchObject({ verdict: 'ok', issues: [] });
      }
    });
  }

  it('a number too large for JSON to represent is malformed', () => {
    const judged = validateRequest('{"id": 1, "columns": ["distance", "hour", "weekend", "carrier"], "rows": [[1e400, 9, false, "AA"]]}', contract, 'impute');
    expect(judged.rows[0]).toMatchObject({ verdict: 'flagged', issues: [{ kind: 'malformed-number', column: 'distance', message: 'row 0, column distance: expected a number, got one too large to represent.' }] });
    expect(judged.rows[0]!.record!.distance).toBeNull();
  });

  it('takes missing values where training had them, values within the tolerance, numeric strings, yes/no as booleans, and categories as text', () => {
    const rows = [
      [null, 9, false, 'AA'],
      ['', '9', true, 'DL'],
      [2740, 22, 1, 'UA'],
      [-140, 5, 0, 'AA'],
      [' 1e3 ', 21.5, 'true', 'AA'],
    ];
    const judged = validate(rows, 'reject');
    expect(judged.rows.slice(0, 4).map((r) => r.verdict)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(plain(judged.rows[1]!.record)).toEqual({ distance: '', hour: '9', weekend: true, carrier: 'DL' });
    // "true" is text, not a yes/no: refused as it always was.
    expect(judged.rows[4]!.issues.map((i) => i.kind)).toEqual(['malformed-number']);
    expect(validate([[2741, 9, false, 'AA']], 'reject').rows[0]!.issues[0]!.kind).toBe('out-of-range');
  });

  it('lists every issue of a row, in column order', () => {
    const judged = validate([['12,5', null, 7, 'QX']], 'impute');
    expect(judged.rows[0]!.issues.map((i) => [i.kind, i.column])).toEqual([
      ['malformed-number', 'distance'],
      ['missing', 'hour'],
      ['out-of-range', 'weekend'],
      ['unseen-category', 'carrier'],
    ]);
    expect(plain(judged.rows[0]!.record)).toEqual({ distance: null, hour: null, weekend: 1, carrier: null });
  });
});

describe('validateRequest: rows that are not rows', () => {
  it('rejects a row that is not an array or has the wrong length under every policy, and the rest of the batch goes on', () => {
    for (const policy of POLICIES) {
      const judged = validate([CLEAN, { distance: 1 }, [850, 9, 'AA'], 'x', null, CLEAN.map((v, i) => (i === 1 ? 10 : v))], policy);
      expect(judged.rows.map((r) => r.verdict), policy).toEqual(['ok', 'rejected', 'rejected', 'rejected', 'rejected', 'ok']);
      expect(judged.rows[1]!.issues).toEqual([{ kind: 'malformed-row', column: null, message: 'row 1 is not an array of values.' }]);
      expect(judged.rows[2]!.issues).toEqual([{ kind: 'malformed-row', column: null, message: 'row 2 has 3 values but 4 columns were named.' }]);
      expect(judged.rows[1]!.values).toEqual([{ distance: 1 }]);
      expect(acceptedRecords(judged)).toHaveLength(2);
    }
  });

  it('flags repeated rows without rejecting them', () => {
    const other = [900, 9, false, 'AA'];
    for (const policy of POLICIES) {
      const judged = validate([CLEAN, CLEAN, other, CLEAN], policy);
      expect(judged.rows.map((r) => r.verdict), policy).toEqual(['ok', 'flagged', 'ok', 'flagged']);
      expect(judged.rows[3]!.issues).toEqual([{ kind: 'duplicate-row', column: null, message: 'row 3 repeats row 0.' }]);
      expect(acceptedRecords(judged)).toHaveLength(4);
    }
    // A repeated dirty row keeps both its issues; under reject it is rejected for the dirt, not the repeat.
    const dirty = validate([['N/A', 9, false, 'AA'], ['N/A', 9, false, 'AA']], 'reject').rows[1]!;
    expect(dirty.verdict).toBe('rejected');
    expect(dirty.issues.map((i) => i.kind)).toEqual(['malformed-number', 'duplicate-row']);
  });

  it('answers an empty batch with the request issue empty-batch and no error', () => {
    const judged = validate([], 'reject');
    expect(judged.rows).toEqual([]);
    expect(judged.requestIssues).toEqual([{ kind: 'empty-batch', column: null, message: 'The request has no rows: there is nothing to predict.' }]);
    expect(buildResponse(judged, [], { task: 'regression', classNames: [] })).toEqual({
      id: 'r',
      predictions: [],
      validation: { policy: 'reject', rejected: 0, flagged: 0, issues: judged.requestIssues, rows: [] },
    });
  });
});

describe('validateRequest: columns', () => {
  it('refuses unknown and missing columns under reject, with parseRequest’s sentences', () => {
    const prep = { encoders: COLUMNS.map((column, i) => ({ column, kind: i === 3 ? ('onehot' as const) : ('numeric' as const) })) };
    for (const columns of [['distance', 'hour', 'weekend'], [...COLUMNS, 'seat'], ['__proto__', ...COLUMNS]]) {
      const text = JSON.stringify({ id: 'a', columns, rows: [] });
      const refused = refusal(() => validateRequest(text, contract, 'reject'));
      expect(refused).toEqual(refusal(() => parseRequest(text, prep)));
      expect(refused.message).toMatch(/^(Unknown|Missing) column/);
    }
  });

  it('under impute and pass, reads a missing column as null and ignores an unknown one, flagging every row', () => {
    for (const policy of ['impute', 'pass'] as const) {
      const judged = validate([[850, 9, 'AA', 'window'], [900, 10, 'DL', 'aisle']], policy, ['distance', 'hour', 'carrier', 'seat']);
      expect(judged.rows.map((r) => r.verdict)).toEqual(['flagged', 'flagged']);
      expect(judged.rows[1]!.issues).toEqual([
        { kind: 'schema-unknown-column', column: 'seat', message: 'row 1, column seat: not an input of this model (ignored).' },
        { kind: 'schema-missing-column', column: 'weekend', message: 'row 1, column weekend: not sent (read as missing).' },
      ]);
      expect(plain(judged.rows[0]!.record)).toEqual({ distance: 850, hour: 9, weekend: null, carrier: 'AA' });
    }
  });

  it('still refuses what cannot be read as a request, under every policy, with today’s sentences', () => {
    const prep = { encoders: COLUMNS.map((column) => ({ column, kind: 'numeric' as const })) };
    const bodies = ['', ' ', '{"id": 1,', '[1]', 'null', JSON.stringify({ id: { x: 1 }, columns: COLUMNS, rows: [] }), JSON.stringify({ id: 'a', columns: 'distance', rows: [] }), JSON.stringify({ id: 'a', columns: ['hour', ...COLUMNS], rows: [] }), JSON.stringify({ id: 'a', columns: COLUMNS, rows: 'x' }), JSON.stringify({ columns: COLUMNS, rows: Array.from({ length: MAX_ROWS + 1 }, () => CLEAN) })];
    for (const policy of POLICIES) {
      for (const body of bodies) expect(refusal(() => validateRequest(body, contract, policy)), body.slice(0, 40)).toEqual(refusal(() => parseRequest(body, prep)));
    }
    expect(refusal(() => validate(Array.from({ length: 10_001 }, () => CLEAN), 'pass')).message).toBe('Too many rows: 10001. Send at most 10000 rows per request.');
  });
});

describe('validateRequest: hostile input', () => {
  it('keeps "__proto__" an ordinary name: ignored as a column, harmless as a value or a body key', () => {
    const text = '{"__proto__": {"polluted": true}, "id": "h", "columns": ["__proto__", "distance", "hour", "weekend", "carrier"], "rows": [[{"polluted": true}, 850, 9, false, "__proto__"]]}';
    const judged = validateRequest(text, contract, 'impute');
    expect(judged.rows[0]!.issues.map((i) => i.kind)).toEqual(['schema-unknown-column', 'unseen-category']);
    expect(Object.getPrototypeOf(judged.rows[0]!.record)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const proto: DataContract = { ...contract, columns: [{ name: '__proto__', kind: 'categorical', categories: ['x'], complete: true, missingRate: 0 }] };
    const own = validateRequest(JSON.stringify({ columns: ['__proto__'], rows: [['x']] }), proto, 'reject').rows[0]!;
    expect(own.verdict).toBe('ok');
    expect(Object.keys(own.record!)).toEqual(['__proto__']);
  });

  it('survives deep nesting, long strings and a body given as an object, cutting what it quotes', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 500; i++) deep = [deep];
    const long = 'x'.repeat(100_000);
    const judged = validateBody({ id: 9, columns: COLUMNS, rows: [[deep, 9, false, long], [Number.NaN, 9, false, 'AA']] }, contract, 'reject');
    expect(judged.rows[0]!.issues.map((i) => i.message)).toEqual(['row 0, column distance: expected a number, got [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[....', 'row 0, column carrier: "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx... was not seen in training.']);
    expect(judged.rows[1]!.issues[0]!.message).toBe('row 1, column distance: expected a number, got NaN.');
  });

  it('gives the same verdicts for the body as text and as a parsed object', () => {
    const body = { id: 'same', columns: COLUMNS, rows: [CLEAN, ['12,5', null, 3, 'QX'], CLEAN, 'x'] };
    for (const policy of POLICIES) expect(validateBody(body, contract, policy)).toEqual(validateRequest(JSON.stringify(body), contract, policy));
  });
});

describe('buildResponse', () => {
  const judged: ValidatedRequest = validate([CLEAN, ['N/A', 9, false, 'AA'], CLEAN], 'reject');

  it('puts predictions back in row order, null for rejected rows, with the validation summary and the version', () => {
    const response = buildResponse(judged, [Float32Array.of(12.5), Float32Array.of(-3)], { task: 'regression', classNames: [], version: 4 });
    expect(response).toEqual({
      id: 'r',
      predictions: [12.5, null, -3],
      version: 4,
      validation: { policy: 'reject', rejected: 1, flagged: 1, issues: [], rows: [{ row: 1, verdict: 'rejected', issues: judged.rows[1]!.issues }, { row: 2, verdict: 'flagged', issues: judged.rows[2]!.issues }] },
    });
  });

  it('labels classification rows with the most probable class (the first on a tie) and keeps their probabilities', () => {
    const response = buildResponse(judged, [Float32Array.of(0.25, 0.5, 0.25), [0.4, 0.2, 0.4]], { task: 'classification', classNames: ['early', 'late', 'on-time'] });
    expect(response.predictions).toEqual(['late', null, 'early']);
    expect(response.classes).toEqual(['early', 'late', 'on-time']);
    expect(response.probabilities).toEqual([[0.25, 0.5, 0.25], null, [0.4, 0.2, 0.4]]);
    expect(response).not.toHaveProperty('version');
  });

  it('throws when the model did not answer one output per accepted row (a caller bug)', () => {
    expect(() => buildResponse(judged, [[1]], { task: 'regression', classNames: [] })).toThrow(/answered 1 rows for 2 accepted rows/);
  });
});
