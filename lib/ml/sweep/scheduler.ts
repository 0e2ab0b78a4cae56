/** Whether the objective is minimised (a loss) or maximised (an accuracy). */
export type Direction = 'minimize' | 'maximize';

export type Decision = 'continue' | 'stop';

/**
 * Early termination of sweep trials. Feed it every epoch of every trial, in order; it answers
 * whether the trial should go on. Stateful, deterministic (same reports, same decisions), pure.
 */
export interface TrialScheduler {
  readonly name: 'none' | 'median' | 'successive-halving';
  /**
   * Records `objective` for `trialId` at `epoch` (1-based) and decides. A non-finite objective is
   * not recorded and never stops a trial (a diverged loss fails the trial by itself).
   */
  decide(trialId: string, epoch: number, objective: number): Decision;
}

const better = (direction: Direction) => (a: number, b: number) => (direction === 'minimize' ? a < b : a > b);

/** Median of a non-empty list (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Never stops a trial. */
export function noStopping(): TrialScheduler {
  return { name: 'none', decide: () => 'continue' };
}

export interface MedianOptions {
  direction: Direction;
  /** Epochs every trial runs before the rule may stop it (default 1). */
  graceEpochs?: number;
  /** Other trials that must have reached the epoch before the rule judges (default 3). */
  minTrials?: number;
}

/**
 * The median stopping rule (Golovin et al., "Google Vizier", KDD 2017): after `graceEpochs`,
 * trial t is stopped at epoch e when its best objective over epochs 1..e is strictly worse than
 * the median, over the other trials that reached epoch e, of their running average of the
 * objective over epochs 1..e. It judges only once `minTrials` other trials reached epoch e.
 */
export function medianStopping(options: MedianOptions): TrialScheduler {
  const grace = options.graceEpochs ?? 1;
  const minTrials = options.minTrials ?? 3;
  const isBetter = better(options.direction);
  const histories = new Map<string, number[]>();
  return {
    name: 'median',
    decide(trialId, epoch, objective) {
      if (!Number.isFinite(objective)) return 'continue';
      const history = histories.get(trialId) ?? [];
      history[epoch - 1] = objective;
      histories.set(trialId, history);
      if (epoch <= grace) return 'continue';
      const averages: number[] = [];
      for (const [id, h] of histories) {
        if (id === trialId || h.length < epoch) continue;
        const upTo = h.slice(0, epoch).filter((v) => v !== undefined);
        if (upTo.length > 0) averages.push(upTo.reduce((s, v) => s + v, 0) / upTo.length);
      }
      if (averages.length < minTrials) return 'continue';
      const seen = history.slice(0, epoch).filter((v) => v !== undefined);
      const best = seen.reduce((b, v) => (isBetter(v, b) ? v : b));
      return isBetter(median(averages), best) ? 'stop' : 'continue';
    },
  };
}

export interface HalvingOptions {
  direction: Direction;
  /** Epochs at the first rung, r (default 1). */
  minEpochs?: number;
  /** Reduction factor η ≥ 2: a third of the trials go on at each rung with 3 (default 3). */
  reduction?: number;
  /** Longest training in the sweep: rungs lie strictly below it. */
  maxEpochs: number;
}

/** Rung epochs r, rη, rη², … strictly below `maxEpochs` (at the last epoch a trial ends anyway). */
export function rungEpochs(minEpochs: number, reduction: number, maxEpochs: number): number[] {
  const rungs: number[] = [];
  for (let e = minEpochs; e < maxEpochs; e *= reduction) rungs.push(Math.round(e));
  return rungs;
}

/**
 * Asynchronous successive halving (ASHA; Li et al., "A System for Massively Parallel
 * Hyperparameter Tuning", MLSys 2020), in its stopping form: when a trial reaches a rung epoch,
 * its best objective so far is recorded at that rung, and it goes on only if it ranks in the top
 * ⌊n/η⌋ (at least 1) of the n trials recorded at that rung so far, itself included. Rank counts
 * trials strictly better, so ties go on together. The first trial at a rung always goes on.
 */
export function successiveHalving(options: HalvingOptions): TrialScheduler {
  const eta = options.reduction ?? 3;
  if (!(eta >= 2)) throw new RangeError(`the reduction factor must be at least 2, got ${eta}`);
  const rungs = new Set(rungEpochs(Math.max(1, Math.round(options.minEpochs ?? 1)), eta, options.maxEpochs));
  const isBetter = better(options.direction);
  const bestSoFar = new Map<string, number>();
  const recorded = new Map<number, Map<string, number>>();
  return {
    name: 'successive-halving',
    decide(trialId, epoch, objective) {
      if (!Number.isFinite(objective)) return 'continue';
      const previous = bestSoFar.get(trialId);
      const best = previous === undefined || isBetter(objective, previous) ? objective : previous;
      bestSoFar.set(trialId, best);
      if (!rungs.has(epoch)) return 'continue';
      const rung = recorded.get(epoch) ?? new Map<string, number>();
      recorded.set(epoch, rung);
      if (!rung.has(trialId)) rung.set(trialId, best);
      const mine = rung.get(trialId)!;
      let ahead = 0;
      for (const value of rung.values()) if (isBetter(value, mine)) ahead++;
      const keep = Math.max(1, Math.floor(rung.size / eta));
      return ahead < keep ? 'continue' : 'stop';
    },
  };
}

/** The scheduler for a sweep's setting, with sensible defaults for its length. */
export function createScheduler(kind: TrialScheduler['name'], direction: Direction, maxEpochs: number): TrialScheduler {
  if (kind === 'median') return medianStopping({ direction, graceEpochs: defaultGrace(maxEpochs), minTrials: 3 });
  if (kind === 'successive-halving') return successiveHalving({ direction, maxEpochs, reduction: 3, minEpochs: Math.max(1, Math.floor(maxEpochs / 9)) });
  return noStopping();
}

/** A quarter of the epochs (at least 1): early epochs are too noisy to judge a trial on. */
export function defaultGrace(maxEpochs: number): number {
  return Math.max(1, Math.floor(maxEpochs / 4));
}
