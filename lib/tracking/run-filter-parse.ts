import { formatField, isNumericField, resolveField, type RunFilterField } from './run-filter-fields';
import { column, FilterSyntaxError, tokenize, type RunFilterError, type Token } from './run-filter-lex';
import type { RunStatus } from './run-types';

export type RunFilterValue = string | number;
export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** Where something is written in the filter text: a 0-based offset and a length, as errors mark. */
export type RunFilterSpan = Pick<RunFilterError, 'position' | 'length'>;

/**
 * A parsed filter. `search` is the plain-words form (no operators): a name or tag search.
 * `fieldAt` is where a condition's field is written, so a later check (a key no run has) can
 * point at it as a syntax error does.
 */
export type RunFilterNode =
  | { type: 'and' | 'or'; children: RunFilterNode[] }
  | { type: 'compare'; field: RunFilterField; fieldAt: RunFilterSpan; op: CompareOp; value: RunFilterValue }
  | { type: 'in'; field: RunFilterField; fieldAt: RunFilterSpan; negated: boolean; values: RunFilterValue[] }
  | { type: 'like'; field: RunFilterField; fieldAt: RunFilterSpan; negated: boolean; caseInsensitive: boolean; pattern: string; regex: RegExp }
  | { type: 'search'; words: string[] };

/** `ast` is null for an empty filter, which matches every run. */
export type RunFilterParse = { ok: true; ast: RunFilterNode | null } | { ok: false; error: RunFilterError };

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'like', 'ilike']);
const STATUSES: readonly RunStatus[] = ['RUNNING', 'FINISHED', 'FAILED', 'KILLED'];
const NUMERIC_TEXT = /^\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\s*$/;
/** ISO dates only ("2025-01-31", "2025-01-31T12:00", with an optional zone): other formats parse differently per browser. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const OPERATOR_LIST = '=, !=, <, <=, >, >=, in, not in, like, ilike';

/** Whether `text` reads as one decimal number ("0.01", " 1e-3 "), as params typed as text often are. */
export function isNumericText(text: string): boolean {
  return NUMERIC_TEXT.test(text);
}

function keyword(t: Token): string | undefined {
  if (t.kind !== 'word' || t.quoted || t.rest !== null) return undefined;
  const lower = t.head.toLowerCase();
  return KEYWORDS.has(lower) ? lower : undefined;
}

function found(t: Token): string {
  return t.kind === 'end' ? '' : `, found "${t.text}"`;
}

/** SQL LIKE: `%` is any run of characters, `_` exactly one; the whole value must match. */
function likeRegex(pattern: string, caseInsensitive: boolean): RegExp {
  const source = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.');
  return new RegExp(`^${source}$`, caseInsensitive ? 'is' : 's');
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  /** The token at `i`; past the end, the final `end` token (so a parser bug cannot read undefined). */
  private at(i: number): Token {
    return this.tokens[Math.min(i, this.tokens.length - 1)] as Token;
  }
  private peek(): Token {
    return this.at(this.i);
  }
  private next(): Token {
    return this.at(this.i++);
  }
  private after(): string {
    return this.i > 0 ? ` after "${this.at(this.i - 1).text}"` : '';
  }
  private fail(t: Token, message: string): never {
    throw new FilterSyntaxError(message, t.position, t.length);
  }

  parseFilter(): RunFilterNode {
    const node = this.parseOr();
    const t = this.peek();
    if (t.kind === 'rparen') this.fail(t, `Unexpected ")" ${column(t.position)}: there is no "(" to close`);
    if (t.kind !== 'end') this.fail(t, `Expected "and", "or" or the end of the filter ${column(t.position)}${found(t)}`);
    return node;
  }

  private parseOr(): RunFilterNode {
    const children = [this.parseAnd()];
    while (keyword(this.peek()) === 'or') {
      this.next();
      children.push(this.parseAnd());
    }
    return children.length === 1 ? (children[0] as RunFilterNode) : { type: 'or', children };
  }

  private parseAnd(): RunFilterNode {
    const children = [this.parsePrimary()];
    while (keyword(this.peek()) === 'and') {
      this.next();
      children.push(this.parsePrimary());
    }
    return children.length === 1 ? (children[0] as RunFilterNode) : { type: 'and', children };
  }

  private parsePrimary(): RunFilterNode {
    const t = this.peek();
    if (t.kind === 'lparen') {
      this.next();
      const node = this.parseOr();
      const close = this.peek();
      if (close.kind !== 'rparen') this.fail(close, `Expected ")" ${column(close.position)} to close the "(" at column ${t.position + 1}${found(close)}`);
      this.next();
      return node;
    }
    if (t.kind !== 'word' || keyword(t)) this.fail(t, `Expected a field (such as metrics.val_loss)${this.after()} ${column(t.position)}${found(t)}`);
    this.next();
    return this.parseCondition(t);
  }

  private parseCondition(fieldToken: Token): RunFilterNode {
    const field = resolveField(fieldToken);
    const fieldAt = { position: fieldToken.position, length: fieldToken.length };
    const t = this.next();
    if (t.kind === 'op') return { type: 'compare', field, fieldAt, op: t.value as CompareOp, value: this.parseValue(field) };
    let word = keyword(t);
    const negated = word === 'not';
    if (negated) {
      const n = this.next();
      word = keyword(n);
      if (word !== 'in' && word !== 'like' && word !== 'ilike') this.fail(n, `Expected "in", "like" or "ilike" after "not" ${column(n.position)}${found(n)}`);
    }
    if (word === 'in') return { type: 'in', field, fieldAt, negated, values: this.parseList(field) };
    if (word === 'like' || word === 'ilike') {
      const op = this.at(this.i - 1);
      if (isNumericField(field)) this.fail(op, `"${op.text}" matches text, but ${formatField(field)} is a number ${column(op.position)}; use =, <, >, <= or >=`);
      const p = this.next();
      if (p.kind !== 'string') this.fail(p, `Expected a quoted pattern such as "%base%" after "${op.text}" ${column(p.position)}${found(p)}`);
      const pattern = String(p.value);
      return { type: 'like', field, fieldAt, negated, caseInsensitive: word === 'ilike', pattern, regex: likeRegex(pattern, word === 'ilike') };
    }
    return this.fail(t, `Expected an operator (${OPERATOR_LIST}) after "${fieldToken.text}" ${column(t.position)}${found(t)}`);
  }

  private parseList(field: RunFilterField): RunFilterValue[] {
    const open = this.next();
    if (open.kind !== 'lparen') this.fail(open, `Expected "(" after "in" ${column(open.position)}${found(open)}`);
    const values = [this.parseValue(field)];
    for (;;) {
      const t = this.next();
      if (t.kind === 'rparen') return values;
      if (t.kind !== 'comma') this.fail(t, `Expected "," or ")" in the list ${column(t.position)}${found(t)}`);
      values.push(this.parseValue(field));
    }
  }

  private parseValue(field: RunFilterField): RunFilterValue {
    const after = this.after();
    const t = this.next();
    let value: RunFilterValue;
    if (t.kind === 'number' || t.kind === 'string') {
      value = t.value;
    } else if (t.kind === 'word' && !keyword(t) && !t.quoted && t.rest === null && /^(true|false)$/i.test(t.head)) {
      value = t.head.toLowerCase();
    } else if (t.kind === 'word' && !keyword(t)) {
      return this.fail(t, `Expected a value${after} ${column(t.position)} — put text in quotes: "${t.head}${t.rest === null ? '' : `.${t.rest}`}"`);
    } else {
      return this.fail(t, `Expected a value${after} ${column(t.position)}${found(t)}`);
    }
    return coerce(field, value, t);
  }
}

/** Numbers for numeric fields (dates allowed for `started`/`ended`), upper-case statuses; throws on a mismatch. */
function coerce(field: RunFilterField, value: RunFilterValue, t: Token): RunFilterValue {
  if (field.kind === 'attribute' && field.name === 'status') {
    const status = String(value).toUpperCase();
    if (!(STATUSES as readonly string[]).includes(status)) {
      throw new FilterSyntaxError(`Unknown status ${t.text} ${column(t.position)} — statuses are ${STATUSES.join(', ')}`, t.position, t.length);
    }
    return status;
  }
  if (!isNumericField(field) || typeof value === 'number') return value;
  if (isNumericText(value)) return Number(value);
  const isDate = field.kind === 'attribute' && (field.name === 'started' || field.name === 'ended');
  if (isDate && ISO_DATE.test(value)) {
    const ms = Date.parse(value);
    if (Number.isFinite(ms)) return ms;
  }
  const wanted = isDate ? 'a number (epoch ms) or a date such as "2025-01-31"' : 'a number';
  throw new FilterSyntaxError(`${formatField(field)} is a number: compare it with ${wanted}, not ${t.text} ${column(t.position)}`, t.position, t.length);
}

/**
 * Plain words with no operator, quote, parenthesis, keyword or field prefix: the quick
 * name-or-tag search. A word like `metrics.val_loss` is a filter being typed, so it parses
 * (and says an operator is missing) rather than searching names for it.
 */
function plainWords(text: string): string[] | null {
  if (/[=<>!()'"`,]/.test(text)) return null;
  const words = text.trim().split(/\s+/);
  const filterLike = (w: string) => KEYWORDS.has(w.toLowerCase()) || /^(metrics|last|params|tags|attributes)\./i.test(w);
  return words.some(filterLike) ? null : words.map((w) => w.toLowerCase());
}

/**
 * Parses a runs filter (grammar and semantics in `run-filter.ts`). Never throws: bad input
 * gives `{ ok: false, error }` with a 0-based `position` and a `length` to highlight (0 when
 * the filter ended too early), and a message naming the 1-based column.
 */
export function parseRunFilter(text: string): RunFilterParse {
  if (text.trim() === '') return { ok: true, ast: null };
  const words = plainWords(text);
  if (words) return { ok: true, ast: { type: 'search', words } };
  try {
    return { ok: true, ast: new Parser(tokenize(text)).parseFilter() };
  } catch (e) {
    if (e instanceof FilterSyntaxError) return { ok: false, error: { message: e.message, position: e.position, length: e.length } };
    throw e;
  }
}
