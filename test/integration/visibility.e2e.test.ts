/**
 * The search attributes operators filter on in the Temporal Web UI, as the real dev server reports
 * them after each transition of a complaint driven through the HTTP API: both on the execution itself
 * (`describe()`) and through visibility list queries (eventually consistent, so polled).
 */
import { isDeepStrictEqual } from 'node:util';
import type { SearchAttributeType, TypedSearchAttributes } from '@temporalio/common';
import { workflowIdForRegister } from '../../src/temporal/ids';
import { SA } from '../../src/temporal/search-attributes';
import { seededUserFor } from '../helpers/complaints';
import { databaseKinds } from '../helpers/databases';
import { type E2e, eventually, startE2e } from '../helpers/e2e';

const LOCATION = { kecamatan: '16.74.01', kelurahan: '16.74.01.1007' };
const SEDANG_UNITS = [
  'SEKSI_PENGADUAN',
  'SEKSI_KEBIJAKAN',
  'KABID_PENGADUAN',
  'KEPALA_DINAS',
  'BIDANG_PERIZINAN',
  'TIM_TEKNIS',
  'KECAMATAN',
  'KELURAHAN',
];
/** Visibility is eventually consistent and the machine may be busy: poll generously. */
const VISIBILITY_TIMEOUT_MS = 60_000;

/** The search attributes of one complaint, as plain values (absent ones undefined). */
interface Attributes {
  ComplaintStatus?: string;
  WaitingFor?: string;
  ComplaintCategory?: string;
  ComplaintChannel?: string;
  Kecamatan?: string;
  /** ISO 8601 */
  DueAt?: string;
  Overdue?: boolean;
  /** sorted; an empty list reads as [] */
  PendingUnits?: string[];
}

function plain(attrs: TypedSearchAttributes): Attributes {
  const get = <T extends SearchAttributeType>(key: { name: string; type: T }) =>
    attrs.get(key as Parameters<TypedSearchAttributes['get']>[0]) as unknown;
  const dueAt = get(SA.DueAt) as Date | undefined;
  const pending = get(SA.PendingUnits) as string[] | undefined;
  return normalise({
    ComplaintStatus: get(SA.ComplaintStatus) as string | undefined,
    WaitingFor: get(SA.WaitingFor) as string | undefined,
    ComplaintCategory: get(SA.ComplaintCategory) as string | undefined,
    ComplaintChannel: get(SA.ComplaintChannel) as string | undefined,
    Kecamatan: get(SA.Kecamatan) as string | undefined,
    DueAt: dueAt ? new Date(dueAt).toISOString() : undefined,
    Overdue: get(SA.Overdue) as boolean | undefined,
    PendingUnits: pending,
  });
}

/** Every key present (undefined when absent), in one order, the pending units sorted. */
function normalise(a: Attributes): Attributes {
  return {
    ComplaintStatus: a.ComplaintStatus,
    WaitingFor: a.WaitingFor,
    ComplaintCategory: a.ComplaintCategory,
    ComplaintChannel: a.ComplaintChannel,
    Kecamatan: a.Kecamatan,
    DueAt: a.DueAt,
    Overdue: a.Overdue,
    PendingUnits: [...(a.PendingUnits ?? [])].sort(),
  };
}

/** A visibility query that matches the workflow only when every expected attribute is indexed. */
function queryFor(workflowId: string, expected: Attributes): string {
  const clauses = [`WorkflowId = "${workflowId}"`];
  for (const name of [
    'ComplaintStatus',
    'WaitingFor',
    'ComplaintCategory',
    'ComplaintChannel',
    'Kecamatan',
  ] as const) {
    const value = expected[name];
    clauses.push(value === undefined ? `${name} IS NULL` : `${name} = "${value}"`);
  }
  if (expected.DueAt !== undefined) clauses.push(`DueAt = "${expected.DueAt}"`);
  if (expected.Overdue !== undefined) clauses.push(`Overdue = ${expected.Overdue}`);
  for (const unit of expected.PendingUnits ?? []) clauses.push(`PendingUnits = "${unit}"`);
  return clauses.join(' AND ');
}

describe.each(databaseKinds())('search attributes on the Temporal dev server (%s)', (kind) => {
  let e: E2e;
  beforeAll(async () => {
    e = await startE2e(kind);
  });
  afterAll(async () => {
    await e?.stop();
  });

  async function listIds(query: string): Promise<string[]> {
    const ids: string[] = [];
    for await (const wf of e.temporal.workflow.list({ query })) ids.push(wf.workflowId);
    return ids.sort();
  }

  /**
   * Waits until both the execution (describe) and visibility (list queries) report exactly `expected`,
   * then asserts it, so a failure shows the difference instead of a bare timeout.
   */
  async function expectAttributes(workflowId: string, expected: Attributes): Promise<void> {
    const want = normalise(expected);
    const handle = e.temporal.workflow.getHandle(workflowId);
    let described: Attributes = {};
    await eventually(async () => {
      described = plain((await handle.describe()).typedSearchAttributes);
      return isDeepStrictEqual(described, want);
    }, VISIBILITY_TIMEOUT_MS).catch(() => undefined);
    expect(described).toEqual(want);

    // The listed execution carries the same attributes...
    let listed: Attributes | undefined;
    await eventually(async () => {
      listed = undefined;
      for await (const wf of e.temporal.workflow.list({ query: `WorkflowId = "${workflowId}"` })) {
        listed = plain(wf.typedSearchAttributes);
      }
      return isDeepStrictEqual(listed, want);
    }, VISIBILITY_TIMEOUT_MS).catch(() => undefined);
    expect(listed).toEqual(want);

    // ...and is found by filtering on every one of them (what the Web UI's filters do).
    const query = queryFor(workflowId, want);
    let found: string[] = [];
    await eventually(async () => {
      found = await listIds(query);
      return found.length === 1;
    }, VISIBILITY_TIMEOUT_MS).catch(() => undefined);
    expect({ query, found }).toEqual({ query, found: [workflowId] });
  }

  /** Polls an unscoped query (as an operator types it) until the workflow is (or is no longer) listed. */
  async function expectListed(query: string, workflowId: string, listed: boolean): Promise<void> {
    let ids: string[] = [];
    await eventually(async () => {
      ids = await listIds(query);
      return ids.includes(workflowId) === listed;
    }, VISIBILITY_TIMEOUT_MS).catch(() => undefined);
    if (listed) expect(ids).toContain(workflowId);
    else expect(ids).not.toContain(workflowId);
  }

  async function triage(id: string, body: Record<string, unknown>) {
    await e.http
      .post(`/api/complaints/${id}/triage`)
      .set(await e.as('pengaduan'))
      .send(body)
      .expect(200);
  }

  /** Completes the open tasks of the given units, each by its own unit's user. */
  async function completeTasks(id: string, units: string[]): Promise<void> {
    const open = (await e.detail(id)).tasks.filter(
      (t: { status: string; unit: string }) => t.status === 'OPEN' && units.includes(t.unit),
    );
    expect(open.map((t: { unit: string }) => t.unit).sort()).toEqual([...units].sort());
    for (const task of open) {
      await e.http
        .post(`/api/tasks/${encodeURIComponent(task.id)}/complete`)
        .set(await e.as(seededUserFor(task)))
        .send({ outcome: 'Sudah ditangani', notes: 'Catatan penanganan' })
        .expect(200);
    }
  }

  it('SEDANG: registered, triaged with a location, tasks done one by one, awaiting response, resolved', async () => {
    // Registered by e-mail without a location: no Kecamatan yet, no category.
    const registered = await e.register({ channel: 'EMAIL', location: undefined });
    const { id, dueAt } = registered;
    const workflowId = workflowIdForRegister(registered.registerNumber);
    expect(workflowId).toMatch(/^pengaduan-\d{4}-\d{2}-\d{4}$/);
    const base = { ComplaintChannel: 'EMAIL', DueAt: new Date(dueAt).toISOString(), Overdue: false };

    await expectAttributes(workflowId, {
      ...base,
      ComplaintStatus: 'RECEIVED',
      WaitingFor: 'TRIAGE',
      PendingUnits: [],
    });
    await expectListed('WaitingFor = "TRIAGE"', workflowId, true);

    // Triaged SEDANG with the location: one task per unit, the kecamatan becomes searchable.
    await triage(id, { category: 'SEDANG', location: LOCATION });
    const triaged = {
      ...base,
      ComplaintStatus: 'IN_PROGRESS',
      WaitingFor: 'TASKS',
      ComplaintCategory: 'SEDANG',
      Kecamatan: LOCATION.kecamatan,
    };
    await expectAttributes(workflowId, { ...triaged, PendingUnits: SEDANG_UNITS });
    await expectListed('WaitingFor = "TRIAGE"', workflowId, false);
    await expectListed('WaitingFor = "TASKS" AND PendingUnits = "KELURAHAN"', workflowId, true);

    // Some tasks done: PendingUnits shrinks to the units still working.
    const firstBatch = ['SEKSI_KEBIJAKAN', 'KECAMATAN', 'KELURAHAN'];
    await completeTasks(id, firstBatch);
    const remaining = SEDANG_UNITS.filter((u) => !firstBatch.includes(u));
    await expectAttributes(workflowId, { ...triaged, PendingUnits: remaining });
    await expectListed('PendingUnits = "KELURAHAN"', workflowId, false);
    await expectListed('PendingUnits = "TIM_TEKNIS"', workflowId, true);

    // All tasks done: awaiting the response, nobody pending.
    await completeTasks(id, remaining);
    await expectAttributes(workflowId, {
      ...triaged,
      ComplaintStatus: 'AWAITING_RESPONSE',
      WaitingFor: 'RESPONSE',
      PendingUnits: [],
    });
    await expectListed('WaitingFor = "RESPONSE"', workflowId, true);
    await expectListed('PendingUnits = "TIM_TEKNIS"', workflowId, false);

    // Responded: resolved, waiting for nothing.
    await e.http
      .post(`/api/complaints/${id}/response`)
      .set(await e.as('pengaduan'))
      .send({ response: 'Pengaduan Anda telah ditindaklanjuti.' })
      .expect(200);
    await expectAttributes(workflowId, {
      ...triaged,
      ComplaintStatus: 'RESOLVED',
      WaitingFor: 'NOTHING',
      PendingUnits: [],
    });
    await expectListed('ComplaintStatus = "RESOLVED"', workflowId, true);
    await expectListed('WaitingFor = "RESPONSE"', workflowId, false);
    // The API reports the same deadline and flag the Web UI shows.
    const detail = await e.detail(id);
    expect(detail).toMatchObject({ status: 'RESOLVED', dueAt, overdue: false });
  });

  it('BERAT: registered by phone with a location, all tasks done, awaiting the Kepala Daerah', async () => {
    const registered = await e.register({ channel: 'TELEPON', location: LOCATION });
    const { id, dueAt } = registered;
    const workflowId = workflowIdForRegister(registered.registerNumber);
    const base = {
      ComplaintChannel: 'TELEPON',
      Kecamatan: LOCATION.kecamatan,
      DueAt: new Date(dueAt).toISOString(),
      Overdue: false,
    };
    await expectAttributes(workflowId, {
      ...base,
      ComplaintStatus: 'RECEIVED',
      WaitingFor: 'TRIAGE',
      PendingUnits: [],
    });
    await expectListed(
      `Kecamatan = "${LOCATION.kecamatan}" AND ComplaintChannel = "TELEPON"`,
      workflowId,
      true,
    );

    await triage(id, { category: 'BERAT', location: LOCATION });
    const triaged = { ...base, ComplaintCategory: 'BERAT' };
    await expectAttributes(workflowId, {
      ...triaged,
      ComplaintStatus: 'IN_PROGRESS',
      WaitingFor: 'TASKS',
      PendingUnits: SEDANG_UNITS,
    });
    await expectListed('ComplaintCategory = "BERAT"', workflowId, true);

    await completeTasks(id, SEDANG_UNITS);
    await expectAttributes(workflowId, {
      ...triaged,
      ComplaintStatus: 'AWAITING_DECISION',
      WaitingFor: 'DECISION',
      PendingUnits: [],
    });
    // The only complaint of this server awaiting a decision.
    let waiting: string[] = [];
    await eventually(async () => {
      waiting = await listIds('WaitingFor = "DECISION"');
      return waiting.length === 1;
    }, VISIBILITY_TIMEOUT_MS).catch(() => undefined);
    expect(waiting).toEqual([workflowId]);
    expect(await e.detail(id)).toMatchObject({ status: 'AWAITING_DECISION', dueAt, overdue: false });
  });
});
