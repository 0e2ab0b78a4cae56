import type { LoggedRow } from './prediction-log-types';
import type { TrafficWindow } from './serving-types';

/** Epoch ms of the tests' simulated day 0 (2008-01-01T00:00:00Z). */
export const TEST_DAY0 = Date.UTC(2008, 0, 1);

/** A clean answered row for tests: request `r<n>`, row 0, two numeric inputs; `over` replaces any field. */
export function testLogRow(n: number, over: Partial<LoggedRow> = {}): LoggedRow {
  return {
    window: 0,
    requestId: `r${n}`,
    rowIndex: 0,
    at: TEST_DAY0 + n * 1000,
    version: 1,
    role: 'answer',
    latencyMs: 2,
    columns: ['distance', 'hour'],
    inputs: [n, n % 24],
    prediction: n / 10,
    score: n / 10,
    status: 'ok',
    issues: [],
    ...over,
  };
}

/** An empty window summary for tests; `over` replaces any field. */
export function testWindow(endpoint: string, window: number, over: Partial<TrafficWindow> = {}): TrafficWindow {
  return {
    endpoint,
    window,
    source: 'replay-1',
    start: TEST_DAY0 + window * 86_400_000,
    end: TEST_DAY0 + (window + 1) * 86_400_000,
    requests: 0,
    rows: 0,
    byVersion: {},
    shadowByVersion: {},
    issues: {},
    shadowAgreement: null,
    loggedRows: 0,
    ...over,
  };
}
