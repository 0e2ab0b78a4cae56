/**
 * Tokenizer of the runs filter language (see `run-filter.ts` for the grammar). Positions are
 * 0-based UTF-16 offsets into the filter text; messages name 1-based columns, as editors do.
 */

/** Where a filter went wrong: `position` is a 0-based offset, `length` how many characters to mark (0 at the end). */
export interface RunFilterError {
  message: string;
  position: number;
  length: number;
}

export type TokenKind = 'word' | 'string' | 'number' | 'op' | 'lparen' | 'rparen' | 'comma' | 'end';

export interface Token {
  kind: TokenKind;
  /** The token as written (with its quotes), for messages. */
  text: string;
  position: number;
  length: number;
  /** Words: the text before the first unquoted dot (`metrics` in `metrics.val_loss`), backticks removed. */
  head: string;
  /** Words: everything after the first unquoted dot, or null when there is no dot. */
  rest: string | null;
  /** Words: whether any part was backtick-quoted (a quoted word is never a keyword). */
  quoted: boolean;
  /** Strings: the unescaped content. Numbers: the value. Operators: the normalised operator. */
  value: string | number;
}

/** Thrown inside the tokenizer and parser; `parseRunFilter` turns it into `{ ok: false, error }`. */
export class FilterSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
    readonly length: number,
  ) {
    super(message);
  }
}

/** "at column 17" for a 0-based offset. */
export function column(position: number): string {
  return `at column ${position + 1}`;
}

const WORD_START = /[\p{L}_]/u;
const WORD_PART = /[\p{L}\p{N}_\-/]/u;
const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const OPERATORS = ['!=', '<>', '<=', '>=', '==', '=', '<', '>'];
const NORMALISED: Record<string, string> = { '==': '=', '<>': '!=' };
const HINTS: Record<string, string> = { '&': ' — use "and"', '|': ' — use "or"', '!': ' — did you mean "!="?' };

function token(kind: TokenKind, text: string, position: number, value: string | number = text): Token {
  return { kind, text, position, length: text.length, head: '', rest: null, quoted: false, value };
}

function readString(text: string, start: number): Token {
  const quote = text.charAt(start);
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '\\' && i + 1 < text.length) {
      value += text.charAt(++i);
    } else if (c === quote) {
      return token('string', text.slice(start, i + 1), start, value);
    } else {
      value += c;
    }
  }
  throw new FilterSyntaxError(`Unclosed string: add a closing ${quote} to the text that starts ${column(start)}`, start, text.length - start);
}

/** A word: letters, digits, `_`, `-`, `/` and dots, with backtick-quoted parts for any other characters. */
function readWord(text: string, start: number): Token {
  let head = '';
  let rest: string | null = null;
  let quoted = false;
  let i = start;
  while (i < text.length) {
    const c = text.charAt(i);
    let part: string;
    if (c === '`') {
      const close = text.indexOf('`', i + 1);
      if (close < 0) throw new FilterSyntaxError(`Unclosed backtick: add a closing \` to the name that starts ${column(i)}`, i, text.length - i);
      part = text.slice(i + 1, close);
      quoted = true;
      i = close + 1;
    } else if (c === '.' && rest === null) {
      rest = '';
      i++;
      continue;
    } else if (c === '.' || WORD_PART.test(c)) {
      part = c;
      i++;
    } else {
      break;
    }
    if (rest === null) head += part;
    else rest += part;
  }
  const t = token('word', text.slice(start, i), start);
  return { ...t, head, rest, quoted, value: t.text };
}

/**
 * Splits a filter into tokens, ending with an `end` token at `text.length`. Throws
 * `FilterSyntaxError` on an unclosed string or backtick, a malformed number or a stray character.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      tokens.push(readString(text, i));
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push(token(c === '(' ? 'lparen' : c === ')' ? 'rparen' : 'comma', c, i));
    } else if (WORD_START.test(c) || c === '`') {
      tokens.push(readWord(text, i));
    } else if (/[\d.-]/.test(c)) {
      const match = NUMBER.exec(text.slice(i));
      if (!match) throw new FilterSyntaxError(`Unexpected "${c}" ${column(i)}`, i, 1);
      let end = i + match[0].length;
      const wordy = (at: number) => at < text.length && (WORD_PART.test(text.charAt(at)) || text.charAt(at) === '.');
      if (wordy(end)) {
        while (wordy(end)) end++;
        throw new FilterSyntaxError(`"${text.slice(i, end)}" is not a number ${column(i)}; put text in quotes`, i, end - i);
      }
      tokens.push(token('number', match[0], i, Number(match[0])));
    } else {
      const op = OPERATORS.find((o) => text.startsWith(o, i));
      if (!op) throw new FilterSyntaxError(`Unexpected "${c}" ${column(i)}${HINTS[c] ?? ''}`, i, 1);
      tokens.push(token('op', op, i, NORMALISED[op] ?? op));
    }
    const last = tokens[tokens.length - 1] as Token;
    i = last.position + last.length;
  }
  tokens.push(token('end', '', text.length));
  return tokens;
}
