import { describe, expect, it } from 'vitest';
import { estimatedArrival, meanDelayLandedBefore, type FlightTimes } from './flights-history';

const H = 3_600_000;
const flight = (departureH: number, delay: number, origin: string, destination: string, distance = 480): FlightTimes => ({ departure: departureH * H, arrival: estimatedArrival(departureH * H, distance, delay), delay, origin, destination });

describe('history features from the past only', () => {
  it('estimates landing as departure + 30 min + distance at 480 mph + the delay', () => {
    expect(estimatedArrival(0, 480, 30)).toBe(2 * H);
    expect(estimatedArrival(null, 480, 30)).toBeNull();
  });

  it('averages only flights that had landed before departure, within the window, never the flight itself', () => {
    const flights = [
      flight(0, 60, 'SEA', 'ORD'), // lands at 0 + 0.5 + 1 + 1 = 2.5 h
      flight(1, 0, 'SEA', 'LAX'), // lands at 1 + 0.5 + 1 + 0 = 2.5 h
      flight(2, 120, 'ORD', 'JFK'), // leaves at 2 h: nothing has landed yet; lands at 5.5 h
      flight(3, 10, 'ORD', 'SEA'), // leaves at 3 h: the first two landed (mean 30); lands at ≈ 4.67 h
      flight(9, 0, 'LAX', 'SEA'), // leaves at 9 h: in the 6 h before, flights 2 and 3 landed (mean 65)
    ];
    expect(meanDelayLandedBefore(flights, 6 * H, 'network')).toEqual([null, null, null, 30, 65]);
    expect(meanDelayLandedBefore(flights, 1 * H, 'network')).toEqual([null, null, null, 30, null]);
    // Inbound: flights that landed at the origin. ORD at 3 h has flight 0 (landed there at 2.5 h);
    // LAX at 9 h had flight 1, but it landed 6.5 h before: outside the window.
    expect(meanDelayLandedBefore(flights, 6 * H, 'inbound')).toEqual([null, null, null, 60, null]);
  });

  it('does not change for a flight when later flights change: no future leaks in', () => {
    const base = [flight(0, 10, 'A', 'B'), flight(1, 20, 'B', 'C'), flight(5, 0, 'C', 'A')];
    const before = meanDelayLandedBefore(base, 24 * H, 'network');
    const later = [...base, flight(6, 999, 'A', 'C'), flight(4.9, 500, 'B', 'A')];
    expect(meanDelayLandedBefore(later, 24 * H, 'network').slice(0, 3)).toEqual(before);
  });
});
