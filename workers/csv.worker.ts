/** CSV parsing off the main thread (see `CsvMethods` in lib/data/protocol.ts); the logic is in lib/data/csv-file.ts. */
import { csvHandlers } from '@/lib/data/csv-file';
import { serveRpc, type RpcServerPort } from '@/lib/worker-rpc';

serveRpc(self as unknown as RpcServerPort, csvHandlers);
