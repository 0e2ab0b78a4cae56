import { describe, expect, it } from 'vitest';
import { SimulatedClock, systemClock } from './index';

const HOUR = 3_600_000;
const START = Date.UTC(2001, 3, 1);

describe('systemClock', () => {
  it('reads the wall clock and sleeps in real time', async () => {
    const before = Date.now();
    expect(systemClock.now()).toBeGreaterThanOrEqual(before);
    const t0 = performance.now();
    await systemClock.sleep(20);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(15);
  });

  it('rejects a sleep when its signal aborts, and clears the timer', async () => {
    const controller = new AbortController();
    const slept = systemClock.sleep(10_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(slept).rejects.toThrow('stop');
    await expect(systemClock.sleep(5, AbortSignal.abort())).rejects.toBeDefined();
  });
});

describe('SimulatedClock', () => {
  it('stands still while paused and steps through due timers in order, nested ones included', async () => {
    const clock = new SimulatedClock({ start: START, paused: true });
    const fired: string[] = [];
    clock.setTimeout(() => fired.push(`b@${clock.now() - START}`), 200);
    clock.setTimeout(() => {
      fired.push(`a@${clock.now() - START}`);
      clock.setTimeout(() => fired.push(`c@${clock.now() - START}`), 50);
    }, 100);
    clock.setTimeout(() => fired.push('late'), 1000);
    clock.setTimeout(() => fired.push(`b2@${clock.now() - START}`), 200);
    await new Promise((r) => setTimeout(r, 20));
    expect(clock.now()).toBe(START);
    expect(fired).toEqual([]);
    await clock.step(500);
    expect(fired).toEqual(['a@100', 'c@150', 'b@200', 'b2@200']);
    expect(clock.now()).toBe(START + 500);
    expect(clock.pendingTimers).toBe(1);
  });

  it('lets async loops that sleep run inside a step', async () => {
    const clock = new SimulatedClock({ start: START, paused: true });
    const seen: number[] = [];
    const loop = (async () => {
      for (let i = 0; i < 3; i++) {
        await clock.sleep(HOUR);
        seen.push((clock.now() - START) / HOUR);
      }
    })();
    await clock.step(3 * HOUR);
    await loop;
    expect(seen).toEqual([1, 2, 3]);
  });

  it('runs at a chosen speed against its base clock, and keeps time continuous across pause, resume and speed changes', async () => {
    const real = new SimulatedClock({ start: 0, paused: true });
    const clock = new SimulatedClock({ start: START, speed: 60, base: real });
    const fired: number[] = [];
    clock.setTimeout(() => fired.push(clock.now() - START), 6000);
    await real.step(50);
    expect(clock.now()).toBe(START + 3000);
    expect(fired).toEqual([]);
    await real.step(50);
    expect(fired).toEqual([6000]);
    clock.pause();
    await real.step(1000);
    expect(clock.now()).toBe(START + 6000);
    clock.resume();
    clock.setSpeed(2);
    await real.step(10);
    expect(clock.now()).toBe(START + 6020);
    expect(clock.speed).toBe(2);
  });

  it('at "max" jumps from timer to timer without waiting in real time', async () => {
    const clock = new SimulatedClock({ start: START, speed: 'max' });
    const t0 = performance.now();
    const days: number[] = [];
    for (let d = 1; d <= 30; d++) await clock.sleep(24 * HOUR).then(() => days.push(Math.round((clock.now() - START) / (24 * HOUR))));
    expect(days).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('clears timers, and refuses bad speeds and steps', async () => {
    const clock = new SimulatedClock({ start: START, paused: true });
    const fired: number[] = [];
    const id = clock.setTimeout(() => fired.push(1), 10);
    clock.clearTimeout(id);
    await clock.step(20);
    expect(fired).toEqual([]);
    expect(() => clock.setSpeed(0)).toThrow(/positive number or "max"/);
    expect(() => new SimulatedClock({ start: NaN })).toThrow(/finite start/);
    await expect(clock.step(-1)).rejects.toThrow(/zero or more/);
  });

  it('aborting a simulated sleep removes its timer', async () => {
    const clock = new SimulatedClock({ start: START, paused: true });
    const controller = new AbortController();
    const slept = clock.sleep(HOUR, controller.signal);
    expect(clock.pendingTimers).toBe(1);
    controller.abort();
    await expect(slept).rejects.toBeDefined();
    expect(clock.pendingTimers).toBe(0);
  });
});
