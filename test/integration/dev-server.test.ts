import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { SA } from '../../src/temporal/search-attributes';
import { finishSignal, labelled } from '../fixtures/probe.workflows';
import { type DevServer, startDevServer } from '../helpers/dev-server';

describe('Temporal dev server (real server, visibility)', () => {
  let server: DevServer;
  let client: Client;
  beforeAll(async () => {
    server = await startDevServer();
    client = new Client({ connection: await Connection.connect({ address: server.address }) });
  });
  afterAll(async () => {
    await client?.connection.close();
    await server?.stop();
  });

  it('registers our search attributes and answers visibility queries on them', async () => {
    const connection = await NativeConnection.connect({ address: server.address });
    const worker = await Worker.create({
      connection,
      taskQueue: 'probe',
      workflowsPath: require.resolve('../fixtures/probe.workflows'),
    });
    await worker.runUntil(async () => {
      const overdue = await client.workflow.start(labelled, {
        args: ['OVERDUE'],
        workflowId: 'probe-overdue',
        taskQueue: 'probe',
      });
      const fresh = await client.workflow.start(labelled, {
        args: ['RECEIVED'],
        workflowId: 'probe-received',
        taskQueue: 'probe',
      });
      // Visibility is eventually consistent: poll until both are indexed.
      const ids = async (query: string) => {
        const found: string[] = [];
        for await (const wf of client.workflow.list({ query })) found.push(wf.workflowId);
        return found.sort();
      };
      let overdueIds: string[] = [];
      for (let i = 0; i < 50 && overdueIds.length === 0; i++) {
        overdueIds = await ids('Overdue = true');
        if (overdueIds.length === 0) await new Promise((r) => setTimeout(r, 200));
      }
      expect(overdueIds).toEqual(['probe-overdue']);
      expect(await ids(`ComplaintStatus = "RECEIVED"`)).toEqual(['probe-received']);
      const description = await overdue.describe();
      expect(description.typedSearchAttributes.get(SA.ComplaintStatus)).toBe('OVERDUE');
      await overdue.signal(finishSignal);
      await fresh.signal(finishSignal);
      await overdue.result();
      await fresh.result();
    });
    await connection.close();
  });
});
