/**
 * An admin corrects the holiday list; open complaints recompute their deadline. Real dev server,
 * real database, the real activities in an in-process worker.
 */
import type { Client } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { DateTime } from 'luxon';
import pino from 'pino';
import { createComplaintActivities } from '../../activities';
import { replaceHolidaysOfYear } from '../../src/calendar/holiday-admin.service';
import { AuditEvent, Complaint, HolidayRecord } from '../../src/db/entities';
import type { Holiday } from '../../src/domain/holidays';
import { complaintWorkflow } from '../../workflows/complaint/complaint.workflow';
import { stateQuery } from '../../workflows/complaint/definitions';
import { type Backend, gateway, startBackend } from '../helpers/backend';
import { insertComplaint } from '../helpers/complaints';
import { databaseKinds, type TestDatabase } from '../helpers/databases';
import type { DevServer } from '../helpers/dev-server';
import { WORKFLOWS_PATH } from '../helpers/paths';
import { testDataConverter } from '../helpers/processes';

describe.each(databaseKinds())('holiday correction reaches open complaints (%s)', (kind) => {
  let backend: Backend;
  let server: DevServer;
  let db: TestDatabase;
  let client: Client;
  beforeAll(async () => {
    backend = await startBackend(kind);
    ({ server, db, client } = backend);
  });
  afterAll(async () => {
    await backend?.stop();
  });

  it('moves the due date of a running complaint when two working days become holidays', async () => {
    const log = pino({ level: 'silent' });
    const connection = await NativeConnection.connect({ address: server.address });
    const worker = await Worker.create({
      connection,
      taskQueue: 'holidays',
      workflowsPath: WORKFLOWS_PATH,
      dataConverter: testDataConverter(),
      activities: createComplaintActivities({ orm: db.orm, log }),
    });
    await worker.runUntil(async () => {
      const { workflowId, ...input } = await insertComplaint(db.orm);
      const handle = await client.workflow.start(complaintWorkflow, {
        args: [input],
        taskQueue: 'holidays',
        workflowId,
      });
      let state = await handle.query(stateQuery);
      for (let i = 0; i < 100 && state.dueAt === ''; i++) {
        await new Promise((r) => setTimeout(r, 100));
        state = await handle.query(stateQuery);
      }
      const before = state.dueAt;

      // The next two working days (after today, WIB) become cuti bersama.
      const workingDays: string[] = [];
      const known = new Set((await db.orm.em.fork().find(HolidayRecord, {})).map((h) => h.date));
      for (
        let d = DateTime.now().setZone('Asia/Jakarta').plus({ days: 1 });
        workingDays.length < 2;
        d = d.plus({ days: 1 })
      ) {
        if (d.weekday <= 5 && !known.has(d.toISODate()!)) workingDays.push(d.toISODate()!);
      }
      for (const year of new Set(workingDays.map((d) => Number(d.slice(0, 4))))) {
        const existing = await db.orm.em.fork().find(HolidayRecord, { year });
        const list: Holiday[] = [
          ...existing.map((h) => ({ date: h.date, name: h.name, kind: h.kind as Holiday['kind'] })),
          ...workingDays
            .filter((d) => d.startsWith(`${year}-`))
            .map((date) => ({ date, name: 'Cuti bersama tambahan', kind: 'CUTI_BERSAMA' as const })),
        ];
        const result = await replaceHolidaysOfYear(
          { em: db.orm.em.fork(), workflows: gateway(client), log },
          year,
          list,
        );
        expect(result.failed).toEqual([]);
        expect(result.signalled).toBeGreaterThanOrEqual(1);
      }

      let after = before;
      for (let i = 0; i < 100 && after === before; i++) {
        await new Promise((r) => setTimeout(r, 100));
        after = (await handle.query(stateQuery)).dueAt;
      }
      // Two fewer working days in the window: the deadline moves two working days (at least 2 days) later.
      expect(new Date(after).getTime() - new Date(before).getTime()).toBeGreaterThanOrEqual(2 * 86_400_000);
      const em = db.orm.em.fork();
      await new Promise((r) => setTimeout(r, 500));
      expect((await em.findOneOrFail(Complaint, { id: input.complaintId })).dueAt?.toISOString()).toBe(after);
      const change = await em.findOneOrFail(AuditEvent, {
        complaintId: input.complaintId,
        type: 'DUE_DATE_CHANGED',
      });
      expect(change.details).toEqual({ from: before, to: after });
      await handle.terminate('test finished');
    });
    await connection.close();
  });

  it('refuses an invalid list in Bahasa Indonesia and keeps the old one', async () => {
    const em = db.orm.em.fork();
    const countBefore = await em.count(HolidayRecord, { year: 2026 });
    await expect(
      replaceHolidaysOfYear({ em, workflows: gateway(client), log: pino({ level: 'silent' }) }, 2026, [
        { date: '2026-02-30', name: 'Tidak ada', kind: 'LIBUR_NASIONAL' },
        { date: '2027-01-01', name: 'Tahun lain', kind: 'LIBUR_NASIONAL' },
      ]),
    ).rejects.toThrow(/Baris 1: .*Baris 2: tanggal 2027-01-01 tidak berada di tahun 2026/);
    expect(await db.orm.em.fork().count(HolidayRecord, { year: 2026 })).toBe(countBefore);
  });
});
