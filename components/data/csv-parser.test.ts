import { describe, expect, it } from 'vitest';
import { csvHandlers } from '@/lib/data/csv-file';
import { FakeWorker } from '@/lib/worker-rpc/fake-worker';
import { createCsvParser } from './csv-parser';

const file = (text: string, name = 'data.csv') => new File([text], name, { type: 'text/csv' });

describe('CSV parser (worker RPC, main-thread fallback)', () => {
  it('parses in the worker', async () => {
    const workers: FakeWorker[] = [];
    const parser = createCsvParser(() => {
      const worker = new FakeWorker(csvHandlers as never);
      workers.push(worker);
      return worker;
    });
    const parsed = await parser.parse(file('a,b\n1,2\n3,4\n'));
    expect(parsed.result.ok).toBe(true);
    expect(parser.inWorker).toBe(true);
    expect(workers[0]!.received.map((m) => m.rpc)).toEqual(['call']);
  });

  it('parses on the main thread where no worker can start', async () => {
    const parser = createCsvParser(() => null);
    expect((await parser.parse(file('a,b\n1,2\n3,5\n'))).result.ok).toBe(true);
    expect(parser.inWorker).toBe(false);
  });

  it('a worker that crashes mid-parse loses nothing: the file is parsed on the main thread, and so are later ones', async () => {
    let worker: FakeWorker | null = null;
    // A worker whose parse never answers, then crashes (it failed to load its script, say).
    const parser = createCsvParser(() => (worker = new FakeWorker({ parse: () => new Promise(() => undefined) } as never)));
    const pending = parser.parse(file('x,y\n5,6\n7,8\n', 'mine.csv'));
    await new Promise((r) => setTimeout(r, 5));
    worker!.crash('failed to fetch the worker script');
    const parsed = await pending;
    expect(parsed.result.ok && parsed.result.report.fileName).toBe('mine.csv');
    expect(parser.inWorker).toBe(false);
    expect((await parser.parse(file('a,b\n1,2\n3,5\n'))).result.ok).toBe(true);
  });
});
