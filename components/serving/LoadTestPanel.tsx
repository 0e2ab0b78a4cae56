'use client';

import { useState } from 'react';
import { TextField } from '@/components/ui/FormFields';
import { ScrollRegion } from '@/components/ui/ScrollRegion';
import type { LoadTestPoint, LoadTestSummary } from '@/lib/serving/protocol';
import type { Endpoint } from '@/lib/tracking/serving-types';
import type { RpcJob } from '@/lib/worker-rpc';
import { servingWorker } from '@/stores/serving-worker';
import { LoadTestChart } from './LoadTestChart';

const ms = (n: number) => `${n.toFixed(2)} ms`;

/**
 * A load test in the style of Locust: users, spawn rate and duration against the endpoint; live
 * requests per second, p50/p95/p99 latency and errors each second, then a summary table.
 */
export function LoadTestPanel({ endpoint }: { endpoint: Endpoint }) {
  const [users, setUsers] = useState('10');
  const [spawnRate, setSpawnRate] = useState('5');
  const [duration, setDuration] = useState('10');
  const [rows, setRows] = useState('1');
  const [points, setPoints] = useState<LoadTestPoint[]>([]);
  const [summary, setSummary] = useState<LoadTestSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [job, setJob] = useState<RpcJob<LoadTestSummary> | null>(null);
  const start = () => {
    setPoints([]);
    setSummary(null);
    setError(null);
    const started = servingWorker().call('loadTest', { endpoint: endpoint.name, users: Number(users), spawnRate: Number(spawnRate), durationS: Number(duration), rowsPerRequest: Number(rows) }, { onProgress: (p) => setPoints((list) => [...list, p]) });
    setJob(started);
    started.result.then(
      (s) => {
        setSummary(s);
        setJob(null);
      },
      (e: unknown) => {
        setError(e instanceof Error ? e.message : String(e));
        setJob(null);
      },
    );
  };
  return (
    <section className="card" aria-labelledby="load-heading" data-testid="load-test">
      <h2 id="load-heading">Load test</h2>
      <p>Simulated users each send a request, wait for the answer, and send the next, as Locust does. The endpoint answers on one worker thread, so latency grows with the users once it is saturated. Load tests are not written to the prediction log.</p>
      <div className="form-grid">
        <TextField id="load-users" label="Users" value={users} onChange={setUsers} inputMode="numeric" disabled={job !== null} />
        <TextField id="load-spawn" label="Spawn rate (users a second)" value={spawnRate} onChange={setSpawnRate} inputMode="decimal" disabled={job !== null} />
        <TextField id="load-duration" label="Duration (seconds)" value={duration} onChange={setDuration} inputMode="numeric" disabled={job !== null} />
        <TextField id="load-rows" label="Rows a request" value={rows} onChange={setRows} inputMode="numeric" disabled={job !== null} />
      </div>
      <div className="button-row">
        {job ? (
          <button type="button" className="button danger" onClick={() => job.cancel()} data-testid="load-stop">
            Stop
          </button>
        ) : (
          <button type="button" className="button" onClick={start} data-testid="load-start" disabled={endpoint.status === 'stopped'}>
            Start the load test
          </button>
        )}
      </div>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      {points.length > 0 && <LoadTestChart points={points} />}
      {points.length > 0 && (
        <ScrollRegion label="Load test, second by second">
          <table className="data-table" data-testid="load-points">
            <caption>Each second of the test</caption>
            <thead>
              <tr>
                <th scope="col">Second</th>
                <th scope="col">Users</th>
                <th scope="col">Requests</th>
                <th scope="col">Errors</th>
                <th scope="col">p50</th>
                <th scope="col">p95</th>
                <th scope="col">p99</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.second}>
                  <td>{p.second}</td>
                  <td>{p.users}</td>
                  <td>{p.requests}</td>
                  <td>{p.errors}</td>
                  <td>{ms(p.p50Ms)}</td>
                  <td>{ms(p.p95Ms)}</td>
                  <td>{ms(p.p99Ms)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {summary && (
        <table className="data-table" data-testid="load-summary" data-requests={summary.requests}>
          <caption>Summary</caption>
          <thead>
            <tr>
              <th scope="col">Requests</th>
              <th scope="col">Failures</th>
              <th scope="col">Requests/s</th>
              <th scope="col">p50</th>
              <th scope="col">p95</th>
              <th scope="col">p99</th>
              <th scope="col">Max</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>{summary.requests.toLocaleString('en-US')}</td>
              <td>{summary.failures}</td>
              <td>{summary.requestsPerSec.toFixed(1)}</td>
              <td>{ms(summary.p50Ms)}</td>
              <td>{ms(summary.p95Ms)}</td>
              <td>{ms(summary.p99Ms)}</td>
              <td>{ms(summary.maxMs)}</td>
            </tr>
          </tbody>
        </table>
      )}
    </section>
  );
}
