/**
 * Markdown helpers for the package's documents. Run names, tags, descriptions, column names and
 * categories are learner data: they are escaped so they read as text, never as table syntax,
 * HTML or links.
 */

/** Text for a paragraph or a table cell: `|`, `<`, `>`, `[`, `]`, `*`, `_` and backslashes escaped, line breaks as spaces. */
export function text(value: string): string {
  return value
    .replace(/[\\|[\]*_`]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n|\r/g, ' ');
}

/** An inline code span that survives backticks and pipes in the value (line breaks become spaces). */
export function code(value: string): string {
  const flat = value.replace(/\r?\n|\r/g, ' ').replace(/\|/g, '\\|');
  const fence = flat.includes('`') ? '``' : '`';
  return fence.length === 2 ? `${fence} ${flat} ${fence}` : `${fence}${flat}${fence}`;
}

/** A GitHub-flavoured markdown table; cells are used as given (escape them with `text`/`code`). */
export function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * A number for people: 4 significant digits, or 1 decimal from 100 up, thousands unseparated
 * (so it can be pasted); "—" for a missing or non-finite value.
 */
export function num(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(1) : String(Number(value.toPrecision(4)));
}

/** "2025-03-01" (UTC) from epoch ms. */
export function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** "2025-03-01 14:05 UTC" from epoch ms. */
export function moment(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export const FENCE = '```';
