import { describe, expect, it } from 'vitest';
import { EP, deployChampion, deployment, endpoint, only, replay, serveAThousand, snapshotWith, stats, window } from '../test-snapshots';

// Reachability: the Deploy form on /workbench/endpoints?model=flights-delay&alias=champion calls
// createEndpoint with { alias: 'champion' }, which records a 'deploy' deployment with alias
// 'champion' and the version it resolved; a replay of 14 days × 500 requests writes 14 windows
// whose byVersion['2'].requests add up to 7,000.
const days = (n: number, perDay: number, version = 2, source = 'r1') => Array.from({ length: n }, (_, i) => window(i + 1, source, { [String(version)]: stats(perDay) }));

describe('serve-a-thousand check', () => {
  it('passes once the @champion endpoint answered 1,000 requests', () => {
    const result = serveAThousand.check(snapshotWith({ endpoints: [endpoint()], deployments: [deployChampion(2)], trafficWindows: days(2, 500), replays: [replay('r1', 1)] }));
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain('“flights-delay-api” serves @champion of “flights-delay” (v2, as the alias resolved when you deployed) and has answered 1,000 requests over 2 simulated days');
  });

  it('counts the versions @champion resolved to across redeploys, and nothing else', () => {
    const snapshot = snapshotWith({
      endpoints: [endpoint({ routes: only(3) })],
      deployments: [deployChampion(2), deployment({ action: 'replace', version: 3, alias: 'champion', strategy: 'replace', routes: only(3) })],
      trafficWindows: [window(1, 'r1', { '2': stats(600) }), window(2, 'r1', { '3': stats(400), '1': stats(5000) })],
    });
    const result = serveAThousand.check(snapshot);
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain('(v2 and v3, as the alias resolved');
  });

  it('fails below 1,000 requests, saying how to send more', () => {
    const result = serveAThousand.check(snapshotWith({ endpoints: [endpoint()], deployments: [deployChampion(2)], trafficWindows: days(1, 999), replays: [replay('r1', 1)] }));
    expect(result.passed).toBe(false);
    expect(result.notGradable).toBeUndefined();
    expect(result.feedback).toContain('has answered only 999 requests, fewer than 1,000 requests');
    expect(result.feedback).toContain('Production traffic tab');
  });

  it('fails for an endpoint with no traffic yet', () => {
    const result = serveAThousand.check(snapshotWith({ endpoints: [endpoint()], deployments: [deployChampion(2)] }));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('has answered no requests yet');
  });

  it('does not count requests answered by a version deployed by number', () => {
    const byNumber = deployment({ action: 'deploy', version: 1, alias: null, strategy: 'replace', routes: only(1) });
    const result = serveAThousand.check(snapshotWith({ endpoints: [endpoint({ target: { version: 1 }, routes: only(1) })], deployments: [byNumber], trafficWindows: days(3, 500, 1) }));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('serves v1 of “flights-delay” by number, not the version @champion points at');
  });

  it('names another alias for an endpoint deployed by @challenger', () => {
    const challenger = deployment({ action: 'deploy', version: 3, alias: 'challenger', strategy: 'replace', routes: only(3) });
    const result = serveAThousand.check(snapshotWith({ endpoints: [endpoint({ target: { alias: 'challenger' }, routes: only(3) })], deployments: [challenger], trafficWindows: days(3, 500, 3) }));
    expect(result.feedback).toContain('serves @challenger of “flights-delay” (v3)');
  });

  it('passes on the endpoint that qualifies when another does not', () => {
    const other = endpoint({ name: 'a-quiet-one' });
    const result = serveAThousand.check(snapshotWith({ endpoints: [other, endpoint()], deployments: [deployChampion(2, { endpoint: 'a-quiet-one' }), deployChampion(2)], trafficWindows: days(3, 500) }));
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain(`“${EP}”`);
  });
});
