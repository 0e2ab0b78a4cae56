import { describe, expect, it } from 'vitest';
import { parseRunFilter, type RunFilterNode } from './run-filter';

function ast(text: string): RunFilterNode | null {
  const parsed = parseRunFilter(text);
  if (!parsed.ok) throw new Error(`expected ${text} to parse: ${parsed.error.message}`);
  return parsed.ast;
}

function error(text: string) {
  const parsed = parseRunFilter(text);
  if (parsed.ok) throw new Error(`expected ${text} to fail`);
  return parsed.error;
}

/** The marked part of the text, to check positions readably. */
function marked(text: string): string {
  const e = error(text);
  return text.slice(e.position, e.position + e.length);
}

const best = (key: string) => ({ kind: 'metric', key, which: 'best' });
const param = (key: string) => ({ kind: 'param', key });

describe('parseRunFilter: valid filters', () => {
  it('reads an empty or blank filter as "everything"', () => {
    expect(ast('')).toBeNull();
    expect(ast('   \t')).toBeNull();
  });

  it('reads the MLflow example with and', () => {
    expect(ast('metrics.val_rmse < 12 and params.learningRate = 0.01')).toEqual({
      type: 'and',
      children: [
        { type: 'compare', field: best('val_rmse'), fieldAt: { position: 0, length: 16 }, op: '<', value: 12 },
        { type: 'compare', field: param('learningRate'), fieldAt: { position: 26, length: 19 }, op: '=', value: 0.01 },
      ],
    });
  });

  it('binds and tighter than or, and parentheses override it', () => {
    // `at` is where the field is written: the parentheses shift it.
    const a = (at: number) => ({ type: 'compare', field: param('a'), fieldAt: { position: at, length: 8 }, op: '=', value: 1 });
    const b = (at: number) => ({ type: 'compare', field: param('b'), fieldAt: { position: at, length: 8 }, op: '=', value: 2 });
    const c = (at: number) => ({ type: 'compare', field: param('c'), fieldAt: { position: at, length: 8 }, op: '=', value: 3 });
    expect(ast('params.a = 1 or params.b = 2 and params.c = 3')).toEqual({ type: 'or', children: [a(0), { type: 'and', children: [b(16), c(33)] }] });
    expect(ast('(params.a = 1 or params.b = 2) and params.c = 3')).toEqual({ type: 'and', children: [{ type: 'or', children: [a(1), b(17)] }, c(35)] });
    expect(ast('((params.a = 1))')).toEqual(a(2));
  });

  it('accepts every operator and normalises == and <>', () => {
    const ops = ['=', '!=', '<', '<=', '>', '>='];
    for (const op of ops) expect(ast(`metrics.x ${op} 1`)).toMatchObject({ op });
    expect(ast('metrics.x == 1')).toMatchObject({ op: '=' });
    expect(ast('metrics.x <> 1')).toMatchObject({ op: '!=' });
    expect(ast('metrics.x<=-1.5e-3')).toMatchObject({ op: '<=', value: -0.0015 });
    expect(ast('metrics.x > .5')).toMatchObject({ value: 0.5 });
  });

  it('treats keywords case-insensitively, keys case-sensitively', () => {
    expect(ast('PARAMS.lr NOT IN (1, 2) AND Name ILIKE "%A%"')).toMatchObject({
      type: 'and',
      children: [
        { type: 'in', field: param('lr'), negated: true, values: [1, 2] },
        { type: 'like', field: { kind: 'attribute', name: 'name' }, caseInsensitive: true, negated: false, pattern: '%A%' },
      ],
    });
  });

  it('reads in-lists with both quote styles and escapes', () => {
    expect(ast(`tags.stage in ("a", 'b', "say \\"hi\\"", 'it\\'s')`)).toEqual({
      type: 'in',
      field: { kind: 'tag', key: 'stage' },
      fieldAt: { position: 0, length: 10 },
      negated: false,
      values: ['a', 'b', 'say "hi"', "it's"],
    });
  });

  it('records where each field is written, backticks included, for checks that point at it', () => {
    const filter = 'name = "a" or metrics.`val loss` < 1 and tags.x not like "b%"';
    const written = (n: RunFilterNode): string[] => {
      if ('children' in n) return n.children.flatMap(written);
      return 'fieldAt' in n ? [filter.slice(n.fieldAt.position, n.fieldAt.position + n.fieldAt.length)] : [];
    };
    const node = ast(filter);
    expect(node && written(node)).toEqual(['name', 'metrics.`val loss`', 'tags.x']);
  });

  it('reads best, last, params, tags, attributes and MLflow aliases', () => {
    expect(ast('last.val_loss < 1')).toMatchObject({ field: { kind: 'metric', key: 'val_loss', which: 'last' } });
    expect(ast('tags.mlflow.user = "me"')).toMatchObject({ field: { kind: 'tag', key: 'mlflow.user' } });
    for (const name of ['name', 'dataset', 'backend', 'experiment', 'parent', 'id']) {
      expect(ast(`${name} = "x"`)).toMatchObject({ field: { kind: 'attribute', name } });
    }
    expect(ast('attributes.status = "FAILED"')).toMatchObject({ field: { kind: 'attribute', name: 'status' } });
    expect(ast('attributes.run_name = "x"')).toMatchObject({ field: { kind: 'attribute', name: 'name' } });
    expect(ast('run_id = "x"')).toMatchObject({ field: { kind: 'attribute', name: 'id' } });
    expect(ast('start_time > 5')).toMatchObject({ field: { kind: 'attribute', name: 'started' }, value: 5 });
  });

  it('reads backtick-quoted keys, dots and spaces included', () => {
    expect(ast('metrics.`val loss` < 1')).toMatchObject({ field: best('val loss') });
    expect(ast('params.`a.b (c)` = 1')).toMatchObject({ field: param('a.b (c)') });
  });

  it('coerces values to the field: numbers for metrics, dates for started, statuses in upper case', () => {
    expect(ast('metrics.x < "12"')).toMatchObject({ value: 12 });
    expect(ast('started >= "2025-01-31"')).toMatchObject({ value: Date.UTC(2025, 0, 31) });
    expect(ast('ended < "2025-01-31T10:00:00Z"')).toMatchObject({ value: Date.UTC(2025, 0, 31, 10) });
    expect(ast('status in ("finished", "Failed")')).toMatchObject({ values: ['FINISHED', 'FAILED'] });
    expect(ast('params.shuffle = TRUE')).toMatchObject({ value: 'true' });
    expect(ast('params.lr = "0.01"')).toMatchObject({ value: '0.01' });
  });

  it('compiles like patterns to anchored regular expressions', () => {
    const node = ast('name like "run_%.v2"');
    if (node?.type !== 'like') throw new Error('expected like');
    expect(node.regex.test('run_12.v2')).toBe(true);
    expect(node.regex.test('runX.v2')).toBe(true);
    expect(node.regex.test('run_12xv2')).toBe(false);
    expect(node.regex.test('a run_1.v2')).toBe(false);
    expect(node.regex.test('RUN_1.v2')).toBe(false);
    const ci = ast('name not ilike "%BASE%"');
    expect(ci).toMatchObject({ negated: true, caseInsensitive: true });
  });

  it('reads plain words as a quick name-or-tag search', () => {
    expect(ast('Baseline  flights')).toEqual({ type: 'search', words: ['baseline', 'flights'] });
    expect(ast('lr 0.01')).toEqual({ type: 'search', words: ['lr', '0.01'] });
  });
});

describe('parseRunFilter: errors name what went wrong and where', () => {
  it('a missing value, at the end of the filter', () => {
    expect(error('metrics.val_rmse < ')).toEqual({ message: 'Expected a value after "<" at column 20', position: 19, length: 0 });
    expect(error('params.x = 1 and metrics.y >=')).toEqual({ message: 'Expected a value after ">=" at column 30', position: 29, length: 0 });
  });

  it('a misspelt field, with a suggestion', () => {
    expect(error('metric.x < 1')).toEqual({ message: 'Unknown field "metric.x" at column 1 — did you mean metrics.x?', position: 0, length: 8 });
    expect(error('params.a = 1 and stauts = "FAILED"').message).toBe('Unknown field "stauts" at column 18 — did you mean status?');
    expect(marked('params.a = 1 and stauts = "FAILED"')).toBe('stauts');
    expect(error('val_loss < 1').message).toContain('did you mean metrics.val_loss?');
    expect(error('learningRate = 0.01').message).toContain('did you mean params.learningRate?');
    expect(error('param.`a b` = 1').message).toContain('did you mean params.`a b`?');
    expect(error('attributes.stat = "x"').message).toBe('Unknown attribute "stat" at column 1 — did you mean attributes.status?');
    expect(error('foo.bar = 1').message).toMatch(/^Unknown field "foo.bar" at column 1 — fields are metrics.<key> \(best value\), last.<key>/);
  });

  it('a prefix without a key', () => {
    expect(error('metrics < 1')).toEqual({ message: '"metrics" needs a metric name at column 1, as in metrics.val_loss', position: 0, length: 7 });
    expect(error('name = "a" or tags. = "x"')).toEqual({ message: 'Expected a tag name after "tags." at column 20', position: 19, length: 0 });
    expect(error('tags.`` = "x"')).toMatchObject({ message: 'Expected a tag name after "tags.``" at column 8', position: 7 });
  });

  it('unquoted text as a value', () => {
    expect(error('tags.stage = baseline')).toEqual({ message: 'Expected a value after "=" at column 14 — put text in quotes: "baseline"', position: 13, length: 8 });
  });

  it('a missing operator', () => {
    const e = error('name = "a" and metrics.x (1)');
    expect(e.message).toBe('Expected an operator (=, !=, <, <=, >, >=, in, not in, like, ilike) after "metrics.x" at column 26, found "("');
    expect([e.position, e.length]).toEqual([25, 1]);
    expect(error('params.x not foo')).toEqual({ message: 'Expected "in", "like" or "ilike" after "not" at column 14, found "foo"', position: 13, length: 3 });
  });

  it('bad lists', () => {
    expect(error('params.x in 1')).toEqual({ message: 'Expected "(" after "in" at column 13, found "1"', position: 12, length: 1 });
    expect(error('params.x in ()')).toEqual({ message: 'Expected a value after "(" at column 14, found ")"', position: 13, length: 1 });
    expect(error('params.x in (1 2)')).toEqual({ message: 'Expected "," or ")" in the list at column 16, found "2"', position: 15, length: 1 });
    expect(error('params.x in (1,')).toEqual({ message: 'Expected a value after "," at column 16', position: 15, length: 0 });
  });

  it('unbalanced parentheses', () => {
    expect(error('(params.a = 1 or params.b = 2')).toEqual({ message: 'Expected ")" at column 30 to close the "(" at column 1', position: 29, length: 0 });
    expect(error('params.a = 1)')).toEqual({ message: 'Unexpected ")" at column 13: there is no "(" to close', position: 12, length: 1 });
    expect(error('name = "a" and ()')).toEqual({ message: 'Expected a field (such as metrics.val_loss) after "(" at column 17, found ")"', position: 16, length: 1 });
  });

  it('dangling and misplaced keywords', () => {
    expect(error('params.a = 1 or')).toEqual({ message: 'Expected a field (such as metrics.val_loss) after "or" at column 16', position: 15, length: 0 });
    expect(error('and name = "x"')).toEqual({ message: 'Expected a field (such as metrics.val_loss) at column 1, found "and"', position: 0, length: 3 });
    expect(error('name = "a" name = "b"')).toEqual({ message: 'Expected "and", "or" or the end of the filter at column 12, found "name"', position: 11, length: 4 });
  });

  it('unclosed strings and backticks mark the rest of the text', () => {
    expect(error('tags.x = "open')).toEqual({ message: 'Unclosed string: add a closing " to the text that starts at column 10', position: 9, length: 5 });
    expect(error("tags.x = 'a\\'")).toMatchObject({ position: 9, length: 4 });
    expect(error('metrics.`val loss < 1')).toEqual({ message: 'Unclosed backtick: add a closing ` to the name that starts at column 9', position: 8, length: 13 });
  });

  it('stray characters and malformed numbers', () => {
    expect(error('params.x = 1 && tags.y = "z"')).toEqual({ message: 'Unexpected "&" at column 14 — use "and"', position: 13, length: 1 });
    expect(error('params.x = 1 || tags.y = "z"').message).toBe('Unexpected "|" at column 14 — use "or"');
    expect(error('params.x ! 1').message).toBe('Unexpected "!" at column 10 — did you mean "!="?');
    expect(error('params.x = #1')).toEqual({ message: 'Unexpected "#" at column 12', position: 11, length: 1 });
    expect(error('params.x = 12abc')).toEqual({ message: '"12abc" is not a number at column 12; put text in quotes', position: 11, length: 5 });
    expect(error('params.x = 1.2.3')).toMatchObject({ position: 11, length: 5 });
    expect(error('params.x = -a')).toMatchObject({ message: 'Unexpected "-" at column 12', position: 11 });
  });

  it('type mismatches: text against a number, like on a number, an unknown status', () => {
    expect(error('metrics.x = "abc"')).toEqual({ message: 'metrics.x is a number: compare it with a number, not "abc" at column 13', position: 12, length: 5 });
    expect(error('started > "yesterday"').message).toBe('started is a number: compare it with a number (epoch ms) or a date such as "2025-01-31", not "yesterday" at column 11');
    expect(error('last.x in (1, "b")')).toMatchObject({ position: 14, length: 3 });
    expect(error('metrics.x like "1%"')).toEqual({ message: '"like" matches text, but metrics.x is a number at column 11; use =, <, >, <= or >=', position: 10, length: 4 });
    expect(error('name like 3')).toEqual({ message: 'Expected a quoted pattern such as "%base%" after "like" at column 11, found "3"', position: 10, length: 1 });
    expect(error('status = "done"')).toEqual({ message: 'Unknown status "done" at column 10 — statuses are RUNNING, FINISHED, FAILED, KILLED', position: 9, length: 6 });
    expect(error('seed = true').message).toContain('seed is a number');
  });

  it('never throws, whatever the input', () => {
    const samples = ['(((', ')))', '"', '`', 'in in in', 'metrics.', '.', '-', '= = =', 'a = (1)', 'not', '()', ',', 'params.x in (', '\u0000 = 1', 'name = "a" and'];
    for (const s of samples) expect(() => parseRunFilter(s)).not.toThrow();
  });
});

describe('parseRunFilter: half-typed filters', () => {
  it('reads a lone field as a filter missing its operator, not as a name search', () => {
    expect(error('metrics.val_loss')).toEqual({
      message: 'Expected an operator (=, !=, <, <=, >, >=, in, not in, like, ilike) after "metrics.val_loss" at column 17',
      position: 16,
      length: 0,
    });
    expect(error('flights PARAMS.lr')).toMatchObject({ message: 'Unknown field "flights" at column 1 — did you mean params.flights?' });
  });
});
