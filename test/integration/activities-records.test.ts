/**
 * The activities against real databases: every write is idempotent, because Temporal may run an
 * activity again after a crash or a timeout.
 */

import pino from 'pino';
import { createComplaintActivities } from '../../activities';
import { recordTransitionInTransaction } from '../../activities/record-transition';
import type { ComplaintFields, RecordTransitionInput, TransitionWrite } from '../../activities/types';
import {
  AuditEvent,
  Complaint,
  ComplaintTask,
  Decision,
  HolidayRecord,
  Notification,
} from '../../src/db/entities';
import { insertComplaint } from '../helpers/complaints';
import {
  createTestDatabase,
  databaseKinds,
  PG_UNAVAILABLE_REASON,
  type TestDatabase,
} from '../helpers/databases';

if (PG_UNAVAILABLE_REASON)
  describe.skip(`PostgreSQL records (not available: ${PG_UNAVAILABLE_REASON})`, () =>
    it.todo('needs PostgreSQL'));

describe.each(databaseKinds())('complaint records on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await db?.destroy();
  });
  const acts = () => createComplaintActivities({ orm: db.orm, log: pino({ level: 'silent' }) });

  it('writes each change, task, decision and notification once however often it is retried', async () => {
    const c = await insertComplaint(db.orm);
    const a = acts();
    const change = {
      complaintId: c.complaintId,
      eventId: `${c.workflowId}:2:TRIAGED`,
      type: 'TRIAGED',
      actor: 'pengaduan',
      at: new Date().toISOString(),
      details: { category: 'SEDANG' },
      fields: {
        status: 'IN_PROGRESS',
        category: 'SEDANG',
        kecamatan: '16.74.01',
        kelurahan: '16.74.01.1007',
        dueAt: '2026-12-11T16:59:59.999Z',
      },
    };
    const units = ['SEKSI_PENGADUAN', 'KECAMATAN', 'KELURAHAN'];
    const tasks = {
      complaintId: c.complaintId,
      tasks: units.map((unit) => ({
        id: `${c.complaintId}:1:${unit}`,
        unit,
        area: unit === 'KECAMATAN' ? '16.74.01' : null,
        round: 1,
        openedAt: new Date().toISOString(),
      })),
    };
    const notification = {
      id: `${c.workflowId}:3:notify-TASK_ASSIGNED`,
      complaintId: c.complaintId,
      kind: 'TASK_ASSIGNED' as const,
      recipients: units.map((u) => ({ recipient: u })),
      data: { registerNumber: c.registerNumber, round: 1 },
    };
    const escalation = {
      complaintId: c.complaintId,
      decisionId: `${c.complaintId}:decision:1`,
      round: 1,
      escalatedAt: new Date().toISOString(),
    };
    for (let attempt = 0; attempt < 3; attempt++) {
      await a.recordChange(change);
      await a.openTasks(tasks);
      await a.notify(notification);
      await a.recordEscalation(escalation);
    }
    // Two "attempts" at once, as when a timed-out attempt is still running beside its retry.
    await Promise.all([
      a.openTasks(tasks),
      a.openTasks(tasks),
      a.notify(notification),
      a.notify(notification),
    ]);

    const em = db.orm.em.fork();
    const complaint = await em.findOneOrFail(Complaint, { id: c.complaintId });
    expect(complaint).toMatchObject({
      status: 'IN_PROGRESS',
      category: 'SEDANG',
      kecamatan: '16.74.01',
      kelurahan: '16.74.01.1007',
    });
    expect(complaint.dueAt?.toISOString()).toBe('2026-12-11T16:59:59.999Z');
    expect(await em.count(AuditEvent, { complaintId: c.complaintId })).toBe(1);
    const rows = await em.find(ComplaintTask, { complaintId: c.complaintId }, { orderBy: { unit: 'asc' } });
    expect(rows.map((t) => [t.unit, t.area, t.status])).toEqual([
      ['KECAMATAN', '16.74.01', 'OPEN'],
      ['KELURAHAN', null, 'OPEN'],
      ['SEKSI_PENGADUAN', null, 'OPEN'],
    ]);
    const notes = await em.find(Notification, { complaintId: c.complaintId });
    expect(notes.map((n) => n.recipient).sort()).toEqual([...units].sort());
    expect(notes[0].subject).toContain(c.registerNumber);
    expect(await em.count(Decision, { complaintId: c.complaintId })).toBe(1);
  });

  it('(workflows started before recordTransition) marks a complaint in progress when its tasks are opened, but never reopens a closed one', async () => {
    const a = acts();
    const open = await insertComplaint(db.orm);
    const closed = await insertComplaint(db.orm);
    await db.orm.em.fork().nativeUpdate(Complaint, { id: open.complaintId }, { status: 'AWAITING_RESPONSE' });
    await db.orm.em.fork().nativeUpdate(Complaint, { id: closed.complaintId }, { status: 'RESOLVED' });
    for (const c of [open, closed]) {
      await a.openTasks({
        complaintId: c.complaintId,
        tasks: [
          {
            id: `${c.complaintId}:1:LOKET`,
            unit: 'LOKET',
            area: null,
            round: 1,
            openedAt: new Date().toISOString(),
          },
        ],
      });
    }
    const em = db.orm.em.fork();
    expect((await em.findOneOrFail(Complaint, { id: open.complaintId })).status).toBe('IN_PROGRESS');
    expect((await em.findOneOrFail(Complaint, { id: closed.complaintId })).status).toBe('RESOLVED');
  });

  it('records a task completion and a decision on the rows the workflow opened', async () => {
    const c = await insertComplaint(db.orm);
    const a = acts();
    const taskId = `${c.complaintId}:1:TIM_TEKNIS`;
    await a.openTasks({
      complaintId: c.complaintId,
      tasks: [{ id: taskId, unit: 'TIM_TEKNIS', area: null, round: 1, openedAt: new Date().toISOString() }],
    });
    const completion = {
      complaintId: c.complaintId,
      taskId,
      outcome: 'Sudah diperiksa ke lapangan',
      notes: 'Foto terlampir',
      completedBy: 'teknis',
      completedAt: '2026-12-01T03:00:00.000Z',
    };
    await a.recordTaskCompletion(completion);
    await a.recordTaskCompletion(completion);
    const escalation = {
      complaintId: c.complaintId,
      decisionId: `${c.complaintId}:decision:1`,
      round: 1,
      escalatedAt: '2026-12-02T03:00:00.000Z',
    };
    await a.recordEscalation(escalation);
    await a.recordDecision({
      ...escalation,
      decision: 'FURTHER_STUDY',
      notes: 'Uji lab',
      units: ['TIM_TEKNIS'],
      decidedBy: 'walikota',
      decidedAt: '2026-12-03T03:00:00.000Z',
    });

    const em = db.orm.em.fork();
    const task = await em.findOneOrFail(ComplaintTask, { id: taskId });
    expect(task).toMatchObject({
      status: 'DONE',
      outcome: 'Sudah diperiksa ke lapangan',
      notes: 'Foto terlampir',
      completedBy: 'teknis',
    });
    expect(task.completedAt?.toISOString()).toBe('2026-12-01T03:00:00.000Z');
    const decision = await em.findOneOrFail(Decision, { complaintId: c.complaintId });
    expect(decision).toMatchObject({
      decision: 'FURTHER_STUDY',
      units: ['TIM_TEKNIS'],
      decidedBy: 'walikota',
    });
  });

  it('writes a whole transition in one transaction, once however often it is run, without touching the status when tasks open', async () => {
    const c = await insertComplaint(db.orm);
    const a = acts();
    const at = '2026-12-01T03:00:00.000Z';
    const taskId = `${c.complaintId}:1:TIM_TEKNIS`;
    const triage = {
      complaintId: c.complaintId,
      writes: [
        {
          kind: 'event' as const,
          input: {
            complaintId: c.complaintId,
            eventId: `${c.workflowId}:2:TRIAGED`,
            type: 'TRIAGED',
            actor: 'pengaduan',
            at,
            details: { category: 'BERAT' },
            fields: { status: 'IN_PROGRESS', category: 'BERAT', dueAt: '2026-12-15T16:59:59.999Z' },
          },
        },
        {
          kind: 'tasks-opened' as const,
          input: {
            complaintId: c.complaintId,
            tasks: [{ id: taskId, unit: 'TIM_TEKNIS', area: null, round: 1, openedAt: at }],
          },
        },
        {
          kind: 'notify' as const,
          input: {
            id: `${c.workflowId}:3:notify-TASK_ASSIGNED`,
            complaintId: c.complaintId,
            kind: 'TASK_ASSIGNED' as const,
            recipients: [{ recipient: 'TIM_TEKNIS' }],
            data: { registerNumber: c.registerNumber, round: 1 },
          },
        },
      ],
    };
    const escalation = {
      complaintId: c.complaintId,
      decisionId: `${c.complaintId}:decision:1`,
      round: 1,
      escalatedAt: at,
    };
    const completion = {
      complaintId: c.complaintId,
      writes: [
        {
          kind: 'task-completed' as const,
          input: {
            complaintId: c.complaintId,
            taskId,
            outcome: 'Diperiksa',
            notes: null,
            completedBy: 'teknis',
            completedAt: at,
          },
        },
        { kind: 'escalated' as const, input: escalation },
        {
          kind: 'event' as const,
          input: {
            complaintId: c.complaintId,
            eventId: `${c.workflowId}:4:ESCALATED`,
            type: 'ESCALATED',
            at,
            fields: { status: 'AWAITING_DECISION' },
          },
        },
      ],
    };
    const decision = {
      complaintId: c.complaintId,
      writes: [
        {
          kind: 'decided' as const,
          input: {
            ...escalation,
            decision: 'APPROVE',
            notes: null,
            units: null,
            decidedBy: 'walikota',
            decidedAt: at,
          },
        },
      ],
    };
    // Each transition run twice (a local activity retried after a crash), and once more at once.
    for (const t of [triage, completion, decision]) {
      await a.recordTransition(t);
      await Promise.all([a.recordTransition(t), a.recordTransition(t)]);
    }
    const em = db.orm.em.fork();
    const complaint = await em.findOneOrFail(Complaint, { id: c.complaintId });
    // The status is the last event's: opening tasks did not set it back to IN_PROGRESS.
    expect(complaint).toMatchObject({ status: 'AWAITING_DECISION', category: 'BERAT' });
    expect(complaint.dueAt?.toISOString()).toBe('2026-12-15T16:59:59.999Z');
    const events = await em.find(
      AuditEvent,
      { complaintId: c.complaintId },
      { orderBy: { at: 'asc', id: 'asc' } },
    );
    expect(events.map((e) => e.type)).toEqual(['TRIAGED', 'ESCALATED']);
    expect(events[0].details).toEqual({ category: 'BERAT' });
    expect(await em.findOneOrFail(ComplaintTask, { id: taskId })).toMatchObject({
      status: 'DONE',
      completedBy: 'teknis',
    });
    expect(await em.count(Notification, { complaintId: c.complaintId })).toBe(1);
    expect(await em.find(Decision, { complaintId: c.complaintId })).toMatchObject([
      { round: 1, decision: 'APPROVE', decidedBy: 'walikota' },
    ]);
  });

  it('moves the due dates of open tasks and pending decisions a holiday correction moved', async () => {
    const c = await insertComplaint(db.orm);
    const a = acts();
    const at = '2026-12-01T03:00:00.000Z';
    const taskId = `${c.complaintId}:1:TIM_TEKNIS`;
    const otherTaskId = `${c.complaintId}:1:KEBIJAKAN`;
    const decisionId = `${c.complaintId}:decision:1`;
    const firstDue = '2026-12-02T16:59:59.999Z';
    await a.recordTransition({
      complaintId: c.complaintId,
      writes: [
        {
          kind: 'tasks-opened',
          input: {
            complaintId: c.complaintId,
            tasks: [
              { id: taskId, unit: 'TIM_TEKNIS', area: null, round: 1, openedAt: at, dueAt: firstDue },
              { id: otherTaskId, unit: 'KEBIJAKAN', area: null, round: 1, openedAt: at, dueAt: firstDue },
            ],
          },
        },
        {
          kind: 'escalated',
          input: { complaintId: c.complaintId, decisionId, round: 1, escalatedAt: at, dueAt: firstDue },
        },
      ],
    });
    const moved = '2026-12-03T16:59:59.999Z';
    const move = {
      complaintId: c.complaintId,
      writes: [
        {
          kind: 'stage-deadlines-moved' as const,
          input: {
            complaintId: c.complaintId,
            tasks: [{ id: taskId, dueAt: moved }],
            decisions: [{ id: decisionId, dueAt: moved }],
          },
        },
      ],
    };
    await a.recordTransition(move);
    await a.recordTransition(move);
    const em = db.orm.em.fork();
    expect((await em.findOneOrFail(ComplaintTask, { id: taskId })).dueAt?.toISOString()).toBe(moved);
    // A task the correction did not move keeps its date.
    expect((await em.findOneOrFail(ComplaintTask, { id: otherTaskId })).dueAt?.toISOString()).toBe(firstDue);
    expect((await em.findOneOrFail(Decision, { id: decisionId })).dueAt?.toISOString()).toBe(moved);
  });

  it('writes nothing of a transition when one of its records fails', async () => {
    const c = await insertComplaint(db.orm);
    const a = acts();
    const at = '2026-12-01T03:00:00.000Z';
    await expect(
      a.recordTransition({
        complaintId: c.complaintId,
        writes: [
          {
            kind: 'event',
            input: {
              complaintId: c.complaintId,
              eventId: `${c.workflowId}:2:TRIAGED`,
              type: 'TRIAGED',
              at,
              fields: { status: 'IN_PROGRESS', category: 'SEDANG' },
            },
          },
          {
            kind: 'tasks-opened',
            input: {
              complaintId: c.complaintId,
              tasks: [{ id: `${c.complaintId}:1:LOKET`, unit: 'LOKET', area: null, round: 1, openedAt: at }],
            },
          },
          // A record for a complaint that has none: the write fails, after the two above.
          {
            kind: 'event',
            input: {
              complaintId: 'tidak-ada',
              eventId: `${c.workflowId}:3:ESCALATED`,
              type: 'ESCALATED',
              at,
              fields: { status: 'AWAITING_DECISION' },
            },
          },
        ],
      }),
    ).rejects.toThrow(/has no record/);
    const em = db.orm.em.fork();
    expect((await em.findOneOrFail(Complaint, { id: c.complaintId })).status).toBe('RECEIVED');
    expect(await em.count(AuditEvent, { complaintId: c.complaintId, type: 'TRIAGED' })).toBe(0);
    expect(await em.count(ComplaintTask, { complaintId: c.complaintId })).toBe(0);
  });

  it('leaves the same records whether a transition is one statement (PostgreSQL) or a transaction of statements', async () => {
    // The SOP's whole path for one complaint: BERAT triage (two events in one transition, each setting
    // the complaint's fields), tasks with deadlines and notifications, a completion, the decision, a
    // holiday correction, the answer. Once through recordTransition, once statement by statement.
    const transitions = (c: { complaintId: string; workflowId: string }): RecordTransitionInput[] => {
      const id = c.complaintId;
      const task = (unit: string) => `${id}:1:${unit}`;
      const decisionId = `${id}:decision:1`;
      const at = '2026-12-01T03:00:00.000Z';
      return [
        {
          complaintId: id,
          writes: [
            {
              kind: 'event',
              input: {
                complaintId: id,
                eventId: `${c.workflowId}:2:TRIAGED`,
                type: 'TRIAGED',
                actor: 'pengaduan',
                at,
                details: { category: 'BERAT', units: ['TIM_TEKNIS', 'KEBIJAKAN'] },
                fields: { status: 'IN_PROGRESS', category: 'BERAT', dueAt: '2026-12-15T16:59:59.999Z' },
              },
            },
            {
              kind: 'tasks-opened',
              input: {
                complaintId: id,
                tasks: ['TIM_TEKNIS', 'KEBIJAKAN'].map((unit) => ({
                  id: task(unit),
                  unit,
                  area: null,
                  round: 1,
                  openedAt: at,
                  dueAt: '2026-12-08T16:59:59.999Z',
                })),
              },
            },
            {
              kind: 'escalated',
              input: {
                complaintId: id,
                decisionId,
                round: 1,
                escalatedAt: at,
                dueAt: '2026-12-04T16:59:59.999Z',
              },
            },
            {
              kind: 'event',
              input: {
                complaintId: id,
                eventId: `${c.workflowId}:2:ESCALATED`,
                type: 'ESCALATED',
                at,
                fields: { status: 'AWAITING_DECISION', triageDueAt: '2026-12-02T16:59:59.999Z' },
              },
            },
            {
              kind: 'notify',
              input: {
                id: `${c.workflowId}:2:notify`,
                complaintId: id,
                kind: 'TASK_ASSIGNED',
                recipients: [{ recipient: 'TIM_TEKNIS' }, { recipient: 'KECAMATAN', area: '16.74.01' }],
                data: { registerNumber: '2026/12/0001', category: 'BERAT' },
              },
            },
          ],
        },
        {
          complaintId: id,
          writes: [
            {
              kind: 'task-completed',
              input: {
                complaintId: id,
                taskId: task('TIM_TEKNIS'),
                outcome: 'Diperiksa ke lapangan',
                notes: 'Foto "terlampir" \u2014 100%',
                completedBy: 'teknis',
                completedAt: at,
              },
            },
            {
              kind: 'decided',
              input: {
                complaintId: id,
                decisionId,
                round: 1,
                escalatedAt: at,
                decision: 'APPROVE',
                notes: null,
                units: ['TIM_TEKNIS'],
                decidedBy: 'walikota',
                decidedAt: at,
              },
            },
            {
              kind: 'stage-deadlines-moved',
              input: {
                complaintId: id,
                tasks: [{ id: task('KEBIJAKAN'), dueAt: '2026-12-09T16:59:59.999Z' }],
                decisions: [],
              },
            },
          ],
        },
        {
          complaintId: id,
          writes: [
            {
              kind: 'event',
              input: {
                complaintId: id,
                eventId: `${c.workflowId}:9:RESOLVED`,
                type: 'RESOLVED',
                actor: 'kabid',
                at,
                details: { response: 'Selesai' },
                fields: { status: 'RESOLVED', closedAt: at, overdue: false },
              },
            },
          ],
        },
      ];
    };
    const oneWay = await insertComplaint(db.orm);
    const otherWay = await insertComplaint(db.orm);
    const a = acts();
    const recordsOf = async (c: { complaintId: string; workflowId: string }) => {
      const em = db.orm.em.fork();
      const same = (value: unknown) =>
        JSON.parse(JSON.stringify(value).replaceAll(c.complaintId, 'ID').replaceAll(c.workflowId, 'WF'));
      const complaint = await em.findOneOrFail(Complaint, { id: c.complaintId });
      const { id, registerNumber, trackingCode, workflowId, receivedAt, createdAt, updatedAt, ...fields } =
        complaint;
      return same({
        fields,
        tasks: await em.find(ComplaintTask, { complaintId: c.complaintId }, { orderBy: { id: 'asc' } }),
        decisions: await em.find(Decision, { complaintId: c.complaintId }),
        events: await em.find(AuditEvent, { complaintId: c.complaintId }, { orderBy: { id: 'asc' } }),
        notifications: (
          await em.find(Notification, { complaintId: c.complaintId }, { orderBy: { id: 'asc' } })
        ).map(({ createdAt: _made, ...n }) => n),
      });
    };
    // Compared after every transition: the first one's two events set different statuses.
    const [ones, others] = [transitions(oneWay), transitions(otherWay)];
    const statuses: string[] = [];
    for (const [i, t] of ones.entries()) {
      await a.recordTransition(t);
      await recordTransitionInTransaction(db.orm, others[i]);
      const records = await recordsOf(oneWay);
      expect(records).toEqual(await recordsOf(otherWay));
      statuses.push(records.fields.status);
    }
    expect(statuses).toEqual(['AWAITING_DECISION', 'AWAITING_DECISION', 'RESOLVED']);
    const records = await recordsOf(oneWay);
    expect(records.fields).toMatchObject({ status: 'RESOLVED', category: 'BERAT', overdue: false });
    expect(records.tasks.map((t: { status: string }) => t.status)).toEqual(['OPEN', 'DONE']);
    expect(records.notifications).toHaveLength(2);
  });

  it('writes a transition that touches one row twice (opened and moved at once) in order', async () => {
    const c = await insertComplaint(db.orm);
    const at = '2026-12-01T03:00:00.000Z';
    const taskId = `${c.complaintId}:1:LOKET`;
    await acts().recordTransition({
      complaintId: c.complaintId,
      writes: [
        {
          kind: 'tasks-opened',
          input: {
            complaintId: c.complaintId,
            tasks: [
              {
                id: taskId,
                unit: 'LOKET',
                area: null,
                round: 1,
                openedAt: at,
                dueAt: '2026-12-02T16:59:59.999Z',
              },
            ],
          },
        },
        {
          kind: 'stage-deadlines-moved',
          input: {
            complaintId: c.complaintId,
            tasks: [{ id: taskId, dueAt: '2026-12-03T16:59:59.999Z' }],
            decisions: [],
          },
        },
      ],
    });
    const task = await db.orm.em.fork().findOneOrFail(ComplaintTask, { id: taskId });
    expect(task.dueAt?.toISOString()).toBe('2026-12-03T16:59:59.999Z');
  });

  it('refuses a write its record is ahead of, and sets the record back to the state the workflow sends', async () => {
    const c = await insertComplaint(db.orm);
    const a = acts();
    const at = '2026-12-01T03:00:00.000Z';
    const wf = c.workflowId;
    const event = (n: number, type: string, status: string) => ({
      kind: 'event' as const,
      input: {
        complaintId: c.complaintId,
        eventId: `${wf}:${n}:${type}`,
        type,
        actor: 'pengaduan',
        at,
        fields: {
          status,
          category: status === 'IN_PROGRESS' ? 'RINGAN' : null,
          dueAt: '2026-12-15T16:59:59.999Z',
        },
      },
    });
    const notify = (n: number, kind: 'TASK_ASSIGNED' | 'FORWARDED', recipient: string) => ({
      kind: 'notify' as const,
      input: {
        id: `${wf}:${n}:notify-${kind}`,
        complaintId: c.complaintId,
        kind,
        recipients: [{ recipient }],
        data: { registerNumber: c.registerNumber },
      },
    });
    const position = (from: number, to: number) => ({ workflowId: wf, from, to });
    const write = (writes: TransitionWrite[], from: number, to: number) =>
      a.recordTransition({ complaintId: c.complaintId, writes, seq: position(from, to) });
    const em = () => db.orm.em.fork();
    const eventTypes = async () =>
      (await em().find(AuditEvent, { complaintId: c.complaintId }, { orderBy: { id: 'asc' } }))
        .filter((e) => e.id.startsWith(`${wf}:`))
        .map((e) => e.type);

    expect(await write([event(1, 'REGISTERED', 'RECEIVED')], 0, 1)).toBeUndefined();
    // A triage whose workflow task the server dropped after its local activity ran: its records
    // are written, the history never took it.
    const lostTaskId = `${c.complaintId}:1:LOKET`;
    await write(
      [
        event(2, 'TRIAGED', 'IN_PROGRESS'),
        {
          kind: 'tasks-opened',
          input: {
            complaintId: c.complaintId,
            tasks: [{ id: lostTaskId, unit: 'LOKET', area: null, round: 1, openedAt: at }],
          },
        },
        notify(3, 'TASK_ASSIGNED', 'LOKET'),
        notify(4, 'TASK_ASSIGNED', 'SEKSI_PENGADUAN'),
      ],
      1,
      4,
    );
    // One of its notifications went out before the repair.
    await em().nativeUpdate(
      Notification,
      { id: `${wf}:4:notify-TASK_ASSIGNED:SEKSI_PENGADUAN` },
      { status: 'SENT' },
    );

    // The workflow, going on from its history, forwards the case instead: refused, nothing written.
    const forward = {
      complaintId: c.complaintId,
      writes: [event(2, 'FORWARDED', 'FORWARDED'), notify(3, 'FORWARDED', 'COMPLAINANT')],
      seq: position(1, 3),
    };
    expect(await a.recordTransition(forward)).toEqual({ recordsAhead: true });
    expect(await eventTypes()).toEqual(['REGISTERED', 'TRIAGED']);
    expect((await em().findOneOrFail(Complaint, { id: c.complaintId })).status).toBe('IN_PROGRESS');

    // With its state: the record is set back, then the forward written.
    const repair = {
      fields: recordFields({ status: 'FORWARDED', closedAt: at }),
      sinceRound: 0,
      tasks: [],
      decisions: [],
    };
    expect(await a.recordTransition({ ...forward, repair })).toBeUndefined();
    const complaint = await em().findOneOrFail(Complaint, { id: c.complaintId });
    expect(complaint).toMatchObject({
      status: 'FORWARDED',
      category: null,
      recordWorkflowId: wf,
      recordSeq: 3,
    });
    expect(await eventTypes()).toEqual(['REGISTERED', 'FORWARDED']);
    expect(await em().find(ComplaintTask, { complaintId: c.complaintId })).toEqual([]);
    const notifications = await em().find(
      Notification,
      { complaintId: c.complaintId },
      { orderBy: { id: 'asc' } },
    );
    expect(notifications.map((n) => [n.id.slice(wf.length + 1), n.status])).toEqual([
      ['3:notify-FORWARDED:COMPLAINANT', 'PENDING'],
      // Sent before the repair: it stays, as what went out.
      ['4:notify-TASK_ASSIGNED:SEKSI_PENGADUAN', 'SENT'],
    ]);

    // The next write goes on from there; the forward sent again now finds the record ahead.
    expect(await write([event(4, 'NOTED', 'FORWARDED')], 3, 4)).toBeUndefined();
    expect(await a.recordTransition(forward)).toEqual({ recordsAhead: true });

    // A new execution of the same complaint (an objection's round) starts from its own position.
    const next = `${wf}-keberatan-1`;
    expect(
      await a.recordTransition({
        complaintId: c.complaintId,
        writes: [
          {
            ...event(1, 'OBJECTED', 'RECEIVED'),
            input: { ...event(1, 'OBJECTED', 'RECEIVED').input, eventId: `${next}:1:OBJECTED` },
          },
        ],
        seq: { workflowId: next, from: 0, to: 1 },
      }),
    ).toBeUndefined();
    expect(await em().findOneOrFail(Complaint, { id: c.complaintId })).toMatchObject({
      recordWorkflowId: next,
      recordSeq: 1,
    });
  });

  it('sets back only the rounds of the execution that asks, and fails for a complaint without a record', async () => {
    const c = await insertComplaint(db.orm);
    const a = acts();
    const at = '2026-12-01T03:00:00.000Z';
    const wf = `${c.workflowId}-keberatan-1`;
    const task = (round: number, unit: string) => ({
      id: `${c.complaintId}:${round}:${unit}`,
      unit,
      area: null,
      round,
      openedAt: at,
    });
    // Round 1 is the first handling's (another execution); rounds 2 and 3 this one's, 3 never taken.
    await a.recordTransition({
      complaintId: c.complaintId,
      writes: [
        {
          kind: 'tasks-opened',
          input: {
            complaintId: c.complaintId,
            tasks: [task(1, 'LOKET'), task(2, 'LOKET'), task(3, 'LOKET')],
          },
        },
      ],
    });
    await setPosition(c.complaintId, { recordWorkflowId: wf, recordSeq: 9 });
    const write = {
      complaintId: c.complaintId,
      writes: [
        {
          kind: 'task-completed' as const,
          input: {
            complaintId: c.complaintId,
            taskId: task(2, 'LOKET').id,
            outcome: 'Selesai',
            notes: null,
            completedBy: 'loket',
            completedAt: at,
          },
        },
      ],
      seq: { workflowId: wf, from: 5, to: 6 },
    };
    expect(await a.recordTransition(write)).toEqual({ recordsAhead: true });
    await a.recordTransition({
      ...write,
      repair: {
        fields: recordFields({ status: 'AWAITING_RESPONSE', category: 'RINGAN' }),
        sinceRound: 1,
        tasks: [
          {
            ...task(2, 'LOKET'),
            status: 'DONE' as const,
            outcome: 'Selesai',
            notes: null,
            completedBy: 'loket',
            completedAt: at,
          },
        ],
        decisions: [],
      },
    });
    const rows = await db.orm.em
      .fork()
      .find(ComplaintTask, { complaintId: c.complaintId }, { orderBy: { round: 'asc' } });
    expect(rows.map((t) => [t.round, t.status])).toEqual([
      [1, 'OPEN'],
      [2, 'DONE'],
    ]);
    await expect(
      a.recordTransition({ complaintId: 'no-such-complaint', writes: write.writes, seq: write.seq }),
    ).rejects.toThrow('complaint no-such-complaint has no record to update');
  });

  const setPosition = (id: string, fields: Partial<Complaint>) =>
    db.orm.em.fork().nativeUpdate(Complaint, { id }, fields as never);

  it('gives the workflow the holiday table, and the fallback with a warning for a year without a list', async () => {
    const a = acts();
    const official = await a.loadCalendar({ years: [2026] });
    expect(official.warning).toBeUndefined();
    expect(official.nonWorkingDates).toEqual(
      expect.arrayContaining(['2026-03-20', '2026-03-23', '2026-12-24', '2026-12-25']),
    );
    expect(official.nonWorkingDates).toHaveLength(
      await db.orm.em.fork().count(HolidayRecord, { year: 2026 }),
    );

    const fallback = await a.loadCalendar({ years: [2031] });
    expect(fallback.warning).toMatch(/2031/);
    expect(fallback.nonWorkingDates).toEqual(
      expect.arrayContaining(['2031-01-01', '2031-08-17', '2031-12-25']),
    );
  });
});

/** The complaint's fields as a workflow's state gives them in a repair (RecordRepair.fields). */
function recordFields(fields: Partial<ComplaintFields>): ComplaintFields {
  return {
    status: 'RECEIVED',
    category: null,
    kecamatan: null,
    kelurahan: null,
    dueAt: '2026-12-15T16:59:59.999Z',
    overdue: false,
    response: null,
    respondedBy: null,
    rejectionReason: null,
    closedAt: null,
    ...fields,
  };
}
