/**
 * Prepares a Temporal cluster for this application, idempotently: the namespace (with its retention)
 * and our custom search attributes (workflows/complaint/search-attributes.ts is the only list). The dev server
 * gets both from `temporal server start-dev` flags; a real cluster gets them from this step, run once
 * per deployment by the compose file's `temporal-setup` container (`node dist/src/temporal/setup-cluster.js`).
 */
import type { Connection } from '@temporalio/client';
import { msToTs, SearchAttributeType } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { SA } from './search-attributes';

const { IndexedValueType } = temporal.api.enums.v1;

const INDEXED_TYPE: Record<string, temporal.api.enums.v1.IndexedValueType> = {
  [SearchAttributeType.KEYWORD]: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  [SearchAttributeType.DATETIME]: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  [SearchAttributeType.BOOL]: IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  [SearchAttributeType.KEYWORD_LIST]: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
};

/** gRPC status NOT_FOUND */
const NOT_FOUND = 5;

export interface ClusterSetupResult {
  namespaceCreated: boolean;
  searchAttributesAdded: string[];
}

export async function setupCluster(
  connection: Connection,
  opts: { namespace: string; retentionDays: number },
): Promise<ClusterSetupResult> {
  const { namespace } = opts;
  let namespaceCreated = false;
  try {
    await connection.workflowService.describeNamespace({ namespace });
  } catch (err) {
    if ((err as { code?: number }).code !== NOT_FOUND) throw err;
    await connection.workflowService.registerNamespace({
      namespace,
      workflowExecutionRetentionPeriod: msToTs(`${opts.retentionDays} days`),
      description: 'Pengaduan DPM-PTSP Kota Prabumulih',
    });
    namespaceCreated = true;
  }

  const existing = (await listSearchAttributes(connection, namespace)).customAttributes ?? {};
  const missing: Record<string, temporal.api.enums.v1.IndexedValueType> = {};
  for (const key of Object.values(SA)) {
    const wanted = INDEXED_TYPE[key.type];
    const current = existing[key.name];
    if (current === undefined) missing[key.name] = wanted;
    else if (current !== wanted)
      throw new Error(
        `search attribute ${key.name} exists with type ${IndexedValueType[current]}, not ${IndexedValueType[wanted]}`,
      );
  }
  if (Object.keys(missing).length > 0)
    await connection.operatorService.addSearchAttributes({ namespace, searchAttributes: missing });
  return { namespaceCreated, searchAttributesAdded: Object.keys(missing) };
}

/** A namespace just registered reaches the server's namespace cache after a few seconds: wait for it. */
async function listSearchAttributes(connection: Connection, namespace: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      return await connection.operatorService.listSearchAttributes({ namespace });
    } catch (err) {
      if ((err as { code?: number }).code !== NOT_FOUND || Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }
}
