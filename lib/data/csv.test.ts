import { describe, expect, it } from 'vitest';
import { checkCsvSize, CSV_MAX_BYTES, formatBytes, parseCsv, type CsvParseResult } from './csv';
import { csvHandlers, parseCsvFile } from './csv-file';
import { inferColumn, parseDateCell, parseNumberCell } from './csv-infer';
import { contentHash } from './hash';
import { column } from './table';

/** The successful result, or a test failure showing the error. */
function ok(result: CsvParseResult) {
  if (!result.ok) throw new Error(`expected ok, got error: ${result.error}`);
  return result;
}

function errorOf(result: CsvParseResult): string {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

describe('parseCsv: types', () => {
  const text = [
    'n,flag,when,city,stamp',
    '1.5,yes,2024-01-02,Oslo,2024/01/02 10:30',
    '-2,No,2024-01-03,Rome,2024-01-02T10:30:00Z',
    '3e2,TRUE,2024-01-04,Oslo,2024-01-02T12:30:00+02:00',
    ' 4 ,false,2024-02-29,Lima,2024-01-03',
  ].join('\n');

  it('infers numeric, boolean, datetime (UTC) and categorical columns', () => {
    const { table, report } = ok(parseCsv(text));
    expect(report.columns.map((c) => [c.name, c.type])).toEqual([
      ['n', 'numeric'],
      ['flag', 'boolean'],
      ['when', 'datetime'],
      ['city', 'categorical'],
      ['stamp', 'datetime'],
    ]);
    expect(column(table, 'n').values).toEqual([1.5, -2, 300, 4]);
    expect(column(table, 'flag').values).toEqual([1, 0, 1, 0]);
    expect(column(table, 'when').values).toEqual([Date.UTC(2024, 0, 2), Date.UTC(2024, 0, 3), Date.UTC(2024, 0, 4), Date.UTC(2024, 1, 29)]);
    expect(column(table, 'city').values).toEqual(['Oslo', 'Rome', 'Oslo', 'Lima']);
    const t = Date.UTC(2024, 0, 2, 10, 30);
    expect(column(table, 'stamp').values).toEqual([t, t, t, Date.UTC(2024, 0, 3)]);
    expect(report.columns.find((c) => c.name === 'city')!.distinct).toBe(3);
    expect(report).toMatchObject({ rows: 4, totalLines: 5, delimiter: ',', malformedRowCount: 0, warnings: [] });
  });

  it('keeps 0/1 numeric and treats thousands separators and impossible dates as not-a-number/date', () => {
    expect(inferColumn('x', ['0', '1', '1']).column.type).toBe('numeric');
    expect(parseNumberCell('1,234')).toBeNull();
    expect(parseNumberCell('Infinity')).toBeNull();
    expect(parseNumberCell('0x10')).toBeNull();
    expect(parseNumberCell(' .5 ')).toBe(0.5);
    expect(parseDateCell('2023-02-30')).toBeNull();
    expect(parseDateCell('2023-13-01')).toBeNull();
    expect(parseDateCell('2023-01-01T01:00-01:30')).toBe(Date.UTC(2023, 0, 1, 2, 30));
    expect(parseDateCell('01/02/2023')).toBeNull();
  });

  it('counts missing tokens apart from malformed cells, which become null', () => {
    const cells = [...Array.from({ length: 18 }, (_, i) => String(i)), 'NA', 'n/a', '', '?', '-', 'NULL', ' nan ', 'abc', '"1,5"'];
    // 18 numbers + 2 malformed = 20 present, 90% numeric → numeric
    const { table, report } = ok(parseCsv(['v,k', ...cells.map((c, i) => `${c},${i % 2}`)].join('\n')));
    const v = report.columns[0]!;
    expect(v).toMatchObject({ type: 'numeric', missing: 7, malformed: 2, distinct: 18, usable: true });
    expect(table.rowCount).toBe(27);
    expect(column(table, 'v').values.slice(18)).toEqual([null, null, null, null, null, null, null, null, null]);
    expect(report.warnings).toEqual(['Column "v": 2 values are not a number and were set to missing.']);
  });

  it('falls back to categorical below 90% numbers', () => {
    const col = inferColumn('x', ['1', '2', '3', '4', '5', '6', '7', '8', 'a', 'b']);
    expect(col.column.type).toBe('categorical');
    expect(col.malformed).toBe(0);
    expect(col.column.values[0]).toBe('1');
  });
});

describe('parseCsv: format', () => {
  it('handles quoted commas, quotes and line breaks with correct later line numbers', () => {
    const text = 'name,note,n\n"Smith, J","said ""hi""\nthen left",1\nA,b,2\nB,c\n';
    const { table, report } = ok(parseCsv(text));
    expect(column(table, 'name').values).toEqual(['Smith, J', 'A']);
    expect(column(table, 'note').values).toEqual(['said "hi"\nthen left', 'b']);
    expect(report.malformedRows).toEqual([{ line: 5, reason: '2 fields, expected 3', text: 'B,c' }]);
  });

  it('detects semicolons (with decimal commas inside fields) and tabs', () => {
    const semi = ok(parseCsv('a;b;c\n1,5;x;1\n2,5;y;2\n3;z;3\n'));
    expect(semi.report.delimiter).toBe(';');
    expect(semi.report.columns.map((c) => c.name)).toEqual(['a', 'b', 'c']);
    expect(column(semi.table, 'c').values).toEqual([1, 2, 3]);
    const tab = ok(parseCsv('a\tb\n1\tx, y\n2\tz\n'));
    expect(tab.report.delimiter).toBe('\t');
    expect(column(tab.table, 'b').values).toEqual(['x, y', 'z']);
  });

  it('still detects semicolons when a sampled row is broken', () => {
    const { report } = ok(parseCsv('a;b\n1;2\n3\n4;5\n6;7\n'));
    expect(report.delimiter).toBe(';');
    expect(report.malformedRows).toEqual([{ line: 3, reason: '1 field, expected 2', text: '3' }]);
  });

  it('strips a BOM and handles CRLF and trailing blank lines', () => {
    const { table, report } = ok(parseCsv('\ufeffid,x\r\n1,a\r\n2,b\r\n\r\n\r\n'));
    expect(table.columns.map((c) => c.name)).toEqual(['id', 'x']);
    expect(column(table, 'x').values).toEqual(['a', 'b']);
    expect(report).toMatchObject({ rows: 2, totalLines: 3, malformedRowCount: 0 });
  });

  it('sets malformed rows aside with their line numbers and never puts them in the table', () => {
    const text = ['a,b,c', '1,2,3', '4,5', '', '6,7,8,9', '7,8,9', '"x,1,2', '10,11,12'].join('\n');
    const { table, report } = ok(parseCsv(text, { fileName: 'bad.csv' }));
    expect(column(table, 'a').values).toEqual([1, 7, 10]);
    expect(report.malformedRowCount).toBe(3);
    expect(report.malformedRows).toEqual([
      { line: 3, reason: '2 fields, expected 3', text: '4,5' },
      { line: 5, reason: '4 fields, expected 3', text: '6,7,8,9' },
      { line: 7, reason: 'unterminated or misplaced quote', text: '"x,1,2' },
    ]);
    expect(report.fileName).toBe('bad.csv');
    expect(report.totalLines).toBe(8);
    expect(report.warnings).toContain('3 rows were set aside as malformed and are not in the table.');
  });

  it('counts every malformed row but lists only the first 50, raw text cut at 200 chars', () => {
    const lines = ['a,b', '1,2'];
    for (let i = 0; i < 60; i++) lines.push(`${'z'.repeat(300)}`);
    lines.push('3,4');
    const { table, report } = ok(parseCsv(lines.join('\n')));
    expect(table.rowCount).toBe(2);
    expect(report.malformedRowCount).toBe(60);
    expect(report.malformedRows).toHaveLength(50);
    expect(report.malformedRows[49]!.line).toBe(52);
    expect(report.malformedRows[0]!.text).toHaveLength(200);
  });

  it('names empty headers and de-duplicates repeated ones, with warnings', () => {
    const { table, report } = ok(parseCsv('x,,x,y,x\n1,2,3,4,5\n6,7,8,9,10\n'));
    expect(table.columns.map((c) => c.name)).toEqual(['x', 'column_2', 'x_2', 'y', 'x_3']);
    expect(column(table, 'x_3').values).toEqual([5, 10]);
    expect(report.warnings).toEqual([
      'Column 2 has no name; it is called "column_2".',
      'Column 3 repeats the name "x"; it is called "x_2".',
      'Column 5 repeats the name "x"; it is called "x_3".',
    ]);
  });
});

describe('parseCsv: refusals', () => {
  it('refuses an empty or blank file and a header-only file', () => {
    expect(errorOf(parseCsv(''))).toBe('The file is empty.');
    expect(errorOf(parseCsv(' \n\r\n  \n'))).toBe('The file is empty.');
    expect(errorOf(parseCsv('\ufeff'))).toBe('The file is empty.');
    expect(errorOf(parseCsv('a,b,c\n\n'))).toBe('The file has a header row but no data rows.');
  });

  it('refuses a file over the size limit with the size and the limit', () => {
    expect(errorOf(parseCsv('a,b\n1,2\n'.repeat(20), { maxBytes: 100 }))).toBe('The file is 160 bytes; the workbench takes CSV files up to 100 bytes. Sample it down and try again.');
    // UTF-8 length, not string length: 40 × "é" is 80 bytes.
    expect(parseCsv(`a\n${'é'.repeat(40)}\nb`, { maxBytes: 70 }).ok).toBe(false);
    expect(checkCsvSize(CSV_MAX_BYTES)).toBeNull();
    expect(checkCsvSize(Math.round(31.4 * 1024 * 1024))).toBe('The file is 31.4 MB; the workbench takes CSV files up to 20 MB. Sample it down and try again.');
    expect(formatBytes(1536)).toBe('1.5 KB');
  });

  it('refuses more rows than the limit', () => {
    const text = ['a,b', ...Array.from({ length: 11 }, (_, i) => `${i},${i % 3}`)].join('\n');
    expect(errorOf(parseCsv(text, { maxRows: 10 }))).toBe('The file has more than 10 data rows; the workbench takes up to 10. Sample it down and try again.');
    expect(parseCsv(text, { maxRows: 11 }).ok).toBe(true);
  });

  it('refuses a file whose every data row is malformed', () => {
    expect(errorOf(parseCsv('a,b,c\n1,2\n3,4\n'))).toBe('None of the 2 data rows could be read (line 2: 2 fields, expected 3). Check the delimiter and quotes.');
  });

  it('refuses a broken header', () => {
    expect(errorOf(parseCsv('"a,b\n1,2\n'))).toBe('The header row (line 1) has an unterminated or misplaced quote.');
  });

  it('flags unusable columns, and refuses when none is usable', () => {
    const ids = Array.from({ length: 150 }, (_, i) => `u${i},${i % 2 === 0 ? 'a' : 'b'},k,`);
    const { report } = ok(parseCsv(['id,g,c,e', ...ids].join('\n')));
    expect(report.columns.map((c) => [c.name, c.usable, c.reason])).toEqual([
      ['id', false, 'looks like an identifier: 150 distinct values in 150 rows'],
      ['g', true, undefined],
      ['c', false, 'constant: every value is "k"'],
      ['e', false, 'all values are missing'],
    ]);
    expect(errorOf(parseCsv('c,e,n\nk,,1\nk,NA,1\n'))).toBe('No usable columns: c (constant: every value is "k"); e (all values are missing); n (constant: every value is 1).');
  });
});

describe('parseCsvFile and the worker answer', () => {
  it('parses a Blob, names the report and hashes the text', async () => {
    const text = 'a,b\n1,x\n2,y\n';
    const { result, hash } = await parseCsvFile(new Blob([text]), 'tiny.csv');
    expect(ok(result).report.fileName).toBe('tiny.csv');
    expect(hash).toBe(await contentHash(text));
  });

  it('answers through the CSV worker protocol, and refuses an oversized blob by its size without reading it', async () => {
    const context = { id: 1, signal: new AbortController().signal, progress: () => undefined, transferResult: () => undefined };
    expect(await csvHandlers.parse({ file: new Blob(['a,b\n1,2\n3,4\n']), name: 'f.csv' }, context)).toMatchObject({ result: { ok: true } });
    const big = { size: CSV_MAX_BYTES + 1, text: () => Promise.reject(new Error('must not be read')) } as unknown as Blob;
    expect(await csvHandlers.parse({ file: big, name: 'big.csv' }, context)).toEqual({ hash: null, result: { ok: false, error: checkCsvSize(CSV_MAX_BYTES + 1) } });
    const broken = { size: 10, text: () => Promise.reject(new Error('read failed')) } as unknown as Blob;
    await expect(csvHandlers.parse({ file: broken, name: 'x.csv' }, context)).rejects.toThrow('read failed');
  });
});
