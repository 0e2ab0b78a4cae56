/**
 * The Marathon `drift` field of a response: did the batch this request belongs to drift from the
 * reference? A single request (often one row) is far too small a sample for any test, so "the
 * batch" is the latest `responseRows` rows the endpoint served, this request's rows included: a
 * sliding window that a client can read request by request. Judged as a monitoring window is:
 * Evidently's default test per column, dataset drift at the endpoint's share.
 */
import { datasetDrift, driftOfPrepared, DriftInputError, prepare, toCategory, toFiniteNumber } from '../drift';
import { preparedReference } from './prepared-reference';
import type { LoggedRow } from '../tracking/prediction-log-types';
import type { MonitorSettings, ReferenceProfile } from './profile-types';

/** Fewer rows than this are too few to judge: the verdict is 0 until the endpoint served this many. */
export const MIN_RESPONSE_ROWS = 30;

/** A fixed-size ring of each column's latest values. */
export class ResponseDrift {
  private readonly rings: Array<Array<number | string | null>>;
  private next = 0;
  private filled = 0;
  private header: readonly string[] | null = null;
  private positions: number[] = [];
  /** The last verdict and the rows added since it: a sliding window of 500 rows moves little per request. */
  private cached: 0 | 1 | null = null;
  private addedSinceVerdict = 0;

  constructor(
    private readonly profile: ReferenceProfile,
    private readonly settings: MonitorSettings,
  ) {
    this.rings = profile.columns.map(() => new Array<number | string | null>(Math.max(1, settings.responseRows)).fill(null));
  }

  private get capacity(): number {
    return this.rings[0]?.length ?? 0;
  }

  /** Adds a request's answered rows (refused requests carry no values and add nothing). */
  add(rows: readonly LoggedRow[]): void {
    for (const row of rows) {
      if (row.role !== 'answer' || row.status === 'refused') continue;
      if (row.columns !== this.header) {
        this.header = row.columns;
        this.positions = this.profile.columns.map((c) => row.columns.indexOf(c.name));
      }
      this.profile.columns.forEach((column, c) => {
        const p = this.positions[c]!;
        const raw = p < 0 ? null : row.inputs[p];
        this.rings[c]![this.next] = column.kind === 'numerical' ? toFiniteNumber(raw as never) : toCategory(raw as never);
      });
      this.next = (this.next + 1) % this.capacity;
      this.filled = Math.min(this.capacity, this.filled + 1);
      this.addedSinceVerdict += 1;
    }
  }

  /** Rows the verdict is over now (fewer than `responseRows` until that many were served). */
  get rows(): number {
    return this.filled;
  }

  /**
   * 1 when the rows held drift from the reference (dataset drift at the endpoint's share), else 0;
   * 0 while fewer than `MIN_RESPONSE_ROWS` rows were served (one row "drifts" from any distribution).
   * Columns with no usable value on a side are left out; with none left the verdict is 0. The
   * tests rerun once a tenth of the window is new (or while it is still filling), so a replay of
   * thousands of small requests does not pay an exact K-S test per request.
   */
  verdict(): 0 | 1 {
    if (this.filled < Math.min(MIN_RESPONSE_ROWS, this.capacity)) return 0;
    if (this.cached !== null && this.filled === this.capacity && this.addedSinceVerdict < Math.ceil(this.capacity / 10)) return this.cached;
    this.addedSinceVerdict = 0;
    this.cached = this.compute();
    return this.cached;
  }

  private compute(): 0 | 1 {
    const results = [];
    for (let c = 0; c < this.profile.columns.length; c++) {
      const column = this.profile.columns[c]!;
      const current = this.filled < this.capacity ? this.rings[c]!.slice(0, this.filled) : this.rings[c]!;
      try {
        results.push(driftOfPrepared(preparedReference(column), prepare(current as never, column.kind), { column: column.name, test: this.settings.tests[column.name], threshold: this.settings.thresholds[column.name] }));
      } catch (error) {
        if (!(error instanceof DriftInputError)) throw error;
      }
    }
    return results.length > 0 && datasetDrift(results, { share: this.settings.share }).drifted ? 1 : 0;
  }
}
