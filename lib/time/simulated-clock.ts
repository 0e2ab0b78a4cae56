import { sleepOn, systemClock, type Clock, type TimerId } from './clock';

/** How fast simulated time runs: simulated ms per real ms, or `'max'` (jump from timer to timer). */
export type ClockSpeed = number | 'max';

export interface SimulatedClockOptions {
  /** Simulated time at creation, epoch ms. */
  start: number;
  /** Default 1 (real time). */
  speed?: ClockSpeed;
  /** Start paused (default false). */
  paused?: boolean;
  /** The real clock underneath, which paces the simulation (default: the system clock). */
  base?: Clock;
}

interface Timer {
  id: TimerId;
  due: number;
  seq: number;
  fn: () => void;
}

/**
 * A clock for production days: simulated time that can be paused, stepped, and run at any speed.
 *
 * - Running at speed k, simulated time advances k ms per real ms of `base`, and timers fire when
 *   simulated time reaches them.
 * - At `'max'`, time does not flow by itself: it jumps to the next timer's due time and fires
 *   it, one timer per turn of the event loop (so the page stays responsive), "as fast as
 *   possible".
 * - Paused, time stands still; `step(ms)` advances it by `ms`, firing every timer due on the
 *   way in order (due time, then creation order), including timers those timers set.
 *
 * Timers due at the same time fire in the order they were set. `now()` never goes backwards.
 */
export class SimulatedClock implements Clock {
  private anchorSim: number;
  private anchorReal: number;
  private speedValue: ClockSpeed;
  private pausedValue: boolean;
  private readonly base: Clock;
  private readonly timers: Timer[] = [];
  private nextId = 1;
  private seq = 0;
  private wake: TimerId | null = null;
  private stepping = false;

  constructor(options: SimulatedClockOptions) {
    if (!Number.isFinite(options.start)) throw new RangeError('A simulated clock needs a finite start time.');
    this.base = options.base ?? systemClock;
    this.anchorSim = options.start;
    this.anchorReal = this.base.now();
    this.speedValue = checkSpeed(options.speed ?? 1);
    this.pausedValue = options.paused ?? false;
  }

  now(): number {
    if (this.pausedValue || this.stepping || this.speedValue === 'max') return this.anchorSim;
    return this.anchorSim + (this.base.now() - this.anchorReal) * this.speedValue;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return sleepOn(this, ms, signal);
  }

  setTimeout(fn: () => void, ms: number): TimerId {
    const id = this.nextId++;
    this.timers.push({ id, due: this.now() + Math.max(0, Number.isFinite(ms) ? ms : 0), seq: this.seq++, fn });
    this.timers.sort((a, b) => a.due - b.due || a.seq - b.seq);
    this.schedule();
    return id;
  }

  clearTimeout(id: TimerId): void {
    const i = this.timers.findIndex((t) => t.id === id);
    if (i >= 0) this.timers.splice(i, 1);
    this.schedule();
  }

  get paused(): boolean {
    return this.pausedValue;
  }

  get speed(): ClockSpeed {
    return this.speedValue;
  }

  /** Timers waiting to fire. */
  get pendingTimers(): number {
    return this.timers.length;
  }

  pause(): void {
    this.reanchor();
    this.pausedValue = true;
    this.schedule();
  }

  resume(): void {
    this.reanchor();
    this.pausedValue = false;
    this.schedule();
  }

  /** Changes the speed from now on (time already passed stays as it was). */
  setSpeed(speed: ClockSpeed): void {
    this.reanchor();
    this.speedValue = checkSpeed(speed);
    this.schedule();
  }

  /**
   * Advances simulated time by `ms` (≥ 0) at once, firing due timers in order; between timers the
   * event loop turns, so code awaiting a `sleep` runs and may set further timers within the step.
   * Meant for a paused clock (a running one keeps flowing afterwards).
   */
  async step(ms: number): Promise<void> {
    if (!(ms >= 0)) throw new RangeError('A step must be zero or more milliseconds.');
    this.reanchor();
    const target = this.anchorSim + ms;
    this.stepping = true;
    try {
      for (;;) {
        await turn(this.base);
        const next = this.timers[0];
        if (!next || next.due > target) break;
        this.timers.shift();
        this.anchorSim = Math.max(this.anchorSim, next.due);
        next.fn();
      }
      this.anchorSim = target;
    } finally {
      this.stepping = false;
      this.anchorReal = this.base.now();
      this.schedule();
    }
  }

  private reanchor(): void {
    this.anchorSim = this.now();
    this.anchorReal = this.base.now();
  }

  /** Keeps exactly one real timer pending for the earliest simulated timer (none while paused). */
  private schedule(): void {
    if (this.wake !== null) this.base.clearTimeout(this.wake);
    this.wake = null;
    const next = this.timers[0];
    if (!next || this.pausedValue || this.stepping) return;
    const delay = this.speedValue === 'max' ? 0 : Math.max(0, (next.due - this.now()) / this.speedValue);
    this.wake = this.base.setTimeout(() => this.fireDue(), delay);
  }

  private fireDue(): void {
    this.wake = null;
    const next = this.timers[0];
    if (!next) return;
    if (this.speedValue === 'max') this.anchorSim = Math.max(this.anchorSim, next.due);
    if (next.due <= this.now()) {
      this.timers.shift();
      next.fn();
    }
    this.schedule();
  }
}

function checkSpeed(speed: ClockSpeed): ClockSpeed {
  if (speed === 'max' || (typeof speed === 'number' && Number.isFinite(speed) && speed > 0)) return speed;
  throw new RangeError(`A clock speed is a positive number or "max", not ${String(speed)}.`);
}

/** One turn of the event loop on the base clock, so pending promise chains settle. */
function turn(base: Clock): Promise<void> {
  return new Promise((resolve) => base.setTimeout(resolve, 0));
}
