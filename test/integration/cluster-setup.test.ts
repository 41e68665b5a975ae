/**
 * The production setup step (`node dist/src/temporal/setup-cluster.main.js`, the compose file's
 * `temporal-setup` container) on a real Temporal server that has neither our namespace nor our search
 * attributes: it creates both, and running it again changes nothing.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import { tsToMs } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { SA } from '../../src/temporal/search-attributes';
import { type DevServer, startDevServer } from '../helpers/dev-server';
import { REPO_ROOT } from '../helpers/paths';

const { IndexedValueType } = temporal.api.enums.v1;
const SETUP = path.join(REPO_ROOT, 'dist', 'src', 'temporal', 'setup-cluster.main.js');
const run = promisify(execFile);

describe('Temporal cluster setup step', () => {
  let server: DevServer;
  let connection: Connection;
  beforeAll(async () => {
    server = await startDevServer({ searchAttributes: false });
    connection = await Connection.connect({ address: server.address });
  });
  afterAll(async () => {
    await connection?.close();
    await server?.stop();
  });

  const setup = (namespace: string) =>
    run(process.execPath, [SETUP], {
      env: {
        ...process.env,
        TEMPORAL_ADDRESS: server.address,
        TEMPORAL_NAMESPACE: namespace,
        LOG_LEVEL: 'info',
      },
    });

  it('creates the namespace with its retention and every search attribute, idempotently', async () => {
    const namespace = 'pengaduan-produksi';
    const first = await setup(namespace);
    expect(first.stdout).toContain('"namespaceCreated":true');

    const described = await connection.workflowService.describeNamespace({ namespace });
    expect(tsToMs(described.config?.workflowExecutionRetentionTtl)).toBe(90 * 86_400_000);
    const attrs =
      (await connection.operatorService.listSearchAttributes({ namespace })).customAttributes ?? {};
    expect(
      Object.fromEntries(Object.values(SA).map((k) => [k.name, IndexedValueType[attrs[k.name]]])),
    ).toEqual({
      ComplaintStatus: 'INDEXED_VALUE_TYPE_KEYWORD',
      ComplaintCategory: 'INDEXED_VALUE_TYPE_KEYWORD',
      ComplaintChannel: 'INDEXED_VALUE_TYPE_KEYWORD',
      DueAt: 'INDEXED_VALUE_TYPE_DATETIME',
      Overdue: 'INDEXED_VALUE_TYPE_BOOL',
      PendingUnits: 'INDEXED_VALUE_TYPE_KEYWORD_LIST',
      Kecamatan: 'INDEXED_VALUE_TYPE_KEYWORD',
      WaitingFor: 'INDEXED_VALUE_TYPE_KEYWORD',
      StageBreached: 'INDEXED_VALUE_TYPE_KEYWORD_LIST',
      StageDueAt: 'INDEXED_VALUE_TYPE_DATETIME',
    });

    const second = await setup(namespace);
    expect(second.stdout).toContain('"namespaceCreated":false');
    expect(second.stdout).toContain('"searchAttributesAdded":[]');
  }, 120_000);

  it('stops with a clear error when an attribute exists with another type', async () => {
    const namespace = 'pengaduan-bentrok';
    await connection.workflowService.registerNamespace({
      namespace,
      workflowExecutionRetentionPeriod: { seconds: 86_400 as never },
    });
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: { Overdue: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD },
    });
    await expect(setup(namespace)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('search attribute Overdue exists with type INDEXED_VALUE_TYPE_KEYWORD'),
    });
  }, 120_000);
});
