/**
 * What one monitoring window holds while it is open: every answered row's inputs, column by
 * column in the reference's order, with its prediction and score, and the labels as they arrive.
 * Kept in memory by the monitor (a few MB for 100,000 rows) so each update recomputes the window
 * from its values; closed windows are stored as summaries and never recomputed.
 */
import type { LoggedRow } from '../tracking/prediction-log-types';
import { toCategory, toFiniteNumber } from '../drift';
import type { ReferenceColumn } from './profile-types';

/** A growable column of one window. */
export type WindowColumn = { kind: 'numerical'; values: number[] } | { kind: 'categorical'; values: Array<string | null> };

/** The open state of one window. */
export class WindowValues {
  readonly columns: WindowColumn[];
  /** Per row: the score (null for a rejected, refused or failed row) and the prediction. */
  readonly scores: Array<number | null> = [];
  readonly predictions: Array<string | number | null> = [];
  /** Per row: the label once it arrived. */
  readonly labels: Array<string | number | null> = [];
  labelled = 0;
  /** Rows answered, rejected and failed; requests refused whole (not in the rows). */
  rejected = 0;
  errors = 0;
  refused = 0;
  readonly issues: Record<string, number> = {};
  private readonly rowOf = new Map<string, number>();
  /** Column positions per request header, cached by the header's identity (requests of a stream share it). */
  private lastHeader: readonly string[] | null = null;
  private lastPositions: number[] = [];

  constructor(
    private readonly reference: readonly ReferenceColumn[],
    readonly window: number,
    readonly start: number,
    readonly end: number,
  ) {
    this.columns = reference.map((c) => (c.kind === 'numerical' ? { kind: 'numerical', values: [] } : { kind: 'categorical', values: [] }));
  }

  get rows(): number {
    return this.scores.length;
  }

  private positions(header: readonly string[]): number[] {
    if (header !== this.lastHeader) {
      this.lastHeader = header;
      this.lastPositions = this.reference.map((c) => header.indexOf(c.name));
    }
    return this.lastPositions;
  }

  /** Adds one answered row (role `answer`). A refused request counts once and adds no row. */
  add(row: LoggedRow): void {
    for (const issue of row.issues) this.issues[issue] = (this.issues[issue] ?? 0) + 1;
    if (row.status === 'refused') {
      this.refused += 1;
      return;
    }
    const at = this.positions(row.columns);
    for (let c = 0; c < this.columns.length; c++) {
      const column = this.columns[c]!;
      const p = at[c]!;
      const raw = p < 0 ? null : row.inputs[p];
      if (column.kind === 'numerical') column.values.push(toFiniteNumber(raw as never));
      else column.values.push(toCategory(raw as never));
    }
    if (row.status === 'rejected') this.rejected += 1;
    if (row.status === 'error') this.errors += 1;
    const answered = row.status === 'ok' || row.status === 'flagged';
    this.rowOf.set(`${row.requestId}#${row.rowIndex}`, this.scores.length);
    this.scores.push(answered && row.score !== null && Number.isFinite(row.score) ? row.score : null);
    this.predictions.push(answered ? row.prediction : null);
    this.labels.push(null);
  }

  /** Joins a label to its row; false when the row is not in this window (or was refused). */
  addLabel(requestId: string, rowIndex: number, label: string | number): boolean {
    const i = this.rowOf.get(`${requestId}#${rowIndex}`);
    if (i === undefined) return false;
    if (this.labels[i] === null) this.labelled += 1;
    this.labels[i] = label;
    return true;
  }

  /** Cells with no usable value over all columns, and all cells. */
  missingCells(): { missing: number; cells: number } {
    let missing = 0;
    for (const column of this.columns) {
      if (column.kind === 'numerical') {
        for (const v of column.values) if (Number.isNaN(v)) missing++;
      } else {
        for (const v of column.values) if (v === null) missing++;
      }
    }
    return { missing, cells: this.columns.length * this.rows };
  }
}
