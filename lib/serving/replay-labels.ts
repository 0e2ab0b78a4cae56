import type { Task } from '../data/datasets/catalog';
import type { LabelArrival } from '../tracking/prediction-log-types';
import type { AnsweredRequest } from './engine';

/** What one version said about one row, kept until the row's label arrives. */
export interface Said {
  version: number;
  role: 'answer' | 'shadow';
  prediction: number | string | null;
}

/** A request's labels waiting for their arrival time. */
interface Pending {
  arrivesAt: number;
  window: number;
  requestId: string;
  labels: Array<number | string | null>;
  /** Per row: what the answering version and each shadow predicted. */
  said: Said[][];
}

/** A label that arrived, with the loss of every version that predicted its row. */
export interface DeliveredLabel {
  arrival: LabelArrival;
  losses: Array<{ version: number; role: 'answer' | 'shadow'; loss: number }>;
}

/**
 * Per-row loss of a prediction against its label: the squared error (regression) or 1 for a hit,
 * 0 for a miss (classification, labels and predictions as class names). Null when there is no
 * prediction to judge (a rejected or failed row).
 */
export function rowLoss(task: Task, prediction: number | string | null, label: number | string): number | null {
  if (prediction === null) return null;
  if (task === 'regression') {
    const error = Number(prediction) - Number(label);
    return Number.isFinite(error) ? error * error : null;
  }
  return String(prediction) === String(label) ? 1 : 0;
}

/**
 * Ground truth arriving late: a FIFO of answered requests' labels, each released once simulated
 * time reaches its request's arrival + the scenario's label delay, and joined by request id and row
 * to what each version predicted. Every scenario has one delay, so arrival order is request order.
 */
export class LabelQueue {
  private readonly queue: Pending[] = [];
  private head = 0;

  constructor(
    private readonly task: Task,
    private readonly delayMs: number,
  ) {}

  /** Queues the labels of an answered request (rows without a label are skipped at delivery). */
  push(answered: AnsweredRequest, labels: ReadonlyArray<number | string | null>): void {
    if (labels.every((l) => l === null)) return;
    const said: Said[][] = labels.map((_, i) => {
      const out: Said[] = [];
      const answerRow = answered.answer.rows.find((r) => r.rowIndex === i && r.status !== 'error');
      if (answerRow && answered.answer.status === 200) out.push({ version: answered.answer.version, role: 'answer', prediction: answerRow.prediction });
      for (const shadow of answered.shadows) {
        const row = shadow.rows.find((r) => r.rowIndex === i && r.status !== 'error');
        if (row && shadow.status === 200) out.push({ version: shadow.version, role: 'shadow', prediction: row.prediction });
      }
      return out;
    });
    this.queue.push({ arrivesAt: answered.request.at + this.delayMs, window: answered.request.window, requestId: answered.requestId, labels: [...labels], said });
  }

  /**
   * Queues labels of a request answered before a reload, with what each version said as the log
   * holds it (`said[row]`). Requests must be pushed in arrival order, before any newer one.
   */
  pushLogged(request: { requestId: string; at: number; window: number }, labels: ReadonlyArray<number | string | null>, said: Said[][]): void {
    if (labels.every((l) => l === null)) return;
    this.queue.push({ arrivesAt: request.at + this.delayMs, window: request.window, requestId: request.requestId, labels: [...labels], said });
  }

  /** Simulated time the next label arrives, or null when none waits. */
  get nextArrival(): number | null {
    return this.queue[this.head]?.arrivesAt ?? null;
  }

  /** Labels still waiting. */
  get waiting(): number {
    return this.queue.length - this.head;
  }

  /** Releases every label due at or before `now` (simulated epoch ms). */
  deliver(now: number): DeliveredLabel[] {
    const out: DeliveredLabel[] = [];
    while (this.head < this.queue.length && this.queue[this.head]!.arrivesAt <= now) {
      const pending = this.queue[this.head++]!;
      pending.labels.forEach((label, rowIndex) => {
        if (label === null) return;
        const losses = pending.said[rowIndex]!.flatMap((s) => {
          const loss = rowLoss(this.task, s.prediction, label);
          return loss === null ? [] : [{ version: s.version, role: s.role, loss }];
        });
        out.push({ arrival: { requestId: pending.requestId, rowIndex, label, window: pending.window, arrivedAt: pending.arrivesAt }, losses });
      });
    }
    // Compact now and then, so a long replay does not keep every delivered request.
    if (this.head > 4096) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    return out;
  }
}
