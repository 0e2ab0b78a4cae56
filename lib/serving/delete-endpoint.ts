import type { WorkbenchDatabase } from '../tracking/db';
import { deleteEndpointTraffic } from '../tracking/prediction-log-state';
import { deleteEndpointRecord } from './endpoints';

/**
 * Deletes an endpoint with everything it recorded: its deployments (so lineage no longer lists
 * them), its prediction log, labels, traffic windows and replays. The model versions it served stay.
 */
export async function deleteEndpoint(db: WorkbenchDatabase, name: string): Promise<void> {
  await deleteEndpointTraffic(db, name);
  await deleteEndpointRecord(db, name);
}
