import type { WorkbenchDatabase } from '../tracking/db';
import type { Endpoint } from '../tracking/serving-types';

/** Every endpoint with the requests its windows counted, most recently changed first. */
export async function listEndpoints(db: WorkbenchDatabase): Promise<Array<{ endpoint: Endpoint; requests: number }>> {
  const [endpoints, windows] = await Promise.all([db.endpoints.toArray(), db.trafficWindows.toArray()]);
  const served = new Map<string, number>();
  for (const w of windows) served.set(w.endpoint, (served.get(w.endpoint) ?? 0) + w.requests);
  return endpoints.sort((a, b) => b.updatedAt - a.updatedAt).map((endpoint) => ({ endpoint, requests: served.get(endpoint.name) ?? 0 }));
}
