/**
 * Swagger UI's "Try it out" fills a request body with the operation's documented example. Every
 * example of the complaint and task actions, read from the served document, is posted as it stands
 * to a complaint in the state the action needs: none may be refused by validation (400) or by the
 * SOP's rules (422); each gets its success status.
 */

import { seededUserFor } from '../../helpers/complaints';
import { databaseKinds } from '../../helpers/databases';
import { type E2e, eventually, startE2e } from '../../helpers/e2e';

type Example = { summary?: string; value: Record<string, unknown> };
type Operation = { requestBody?: { content: Record<string, { examples?: Record<string, Example> }> } };
type Task = { id: string; unit: string; area: string | null; status: string };

/** The operations whose examples are checked, by their path in the document. */
const OPERATIONS = [
  '/api/complaints',
  '/api/public/complaints',
  '/api/complaints/{id}/triage',
  '/api/complaints/{id}/recategorise',
  '/api/tasks/{id}/complete',
  '/api/complaints/{id}/escalation-decision',
  '/api/complaints/{id}/response',
] as const;

describe.each(databaseKinds())('documented request examples (%s)', (kind) => {
  let e: E2e;
  const examples = new Map<string, Record<string, Example>>();

  const post = async (path: string, user: string | null, body: unknown) => {
    const req = e.http.post(path).send(body as object);
    if (user) req.set(await e.as(user));
    return req;
  };
  const expectAccepted = async (what: string, res: { status: number; body: unknown }, status: number) => {
    expect({ what, status: res.status, body: res.status === status ? 'ok' : res.body }).toEqual({
      what,
      status,
      body: 'ok',
    });
  };
  const example = (path: string, name: string) => {
    const found = examples.get(path)?.[name];
    if (!found) throw new Error(`no example ${name} for ${path}`);
    return found.value;
  };
  const openTasks = async (id: string): Promise<Task[]> =>
    ((await e.detail(id)).tasks as Task[]).filter((t) => t.status === 'OPEN');
  const statusOf = async (id: string) => (await e.detail(id)).status;

  /** Completes every open task of the complaint with the documented example, each by its own unit. */
  async function completeAll(id: string): Promise<void> {
    const [name] = Object.keys(examples.get('/api/tasks/{id}/complete')!);
    const body = example('/api/tasks/{id}/complete', name);
    for (const task of await openTasks(id)) {
      const res = await post(`/api/tasks/${encodeURIComponent(task.id)}/complete`, seededUserFor(task), body);
      await expectAccepted(`complete ${task.unit}`, res, 200);
    }
  }

  /** A complaint registered, triaged SEDANG and raised to BERAT with the examples, its study done. */
  async function awaitingDecision(): Promise<string> {
    const created = await post('/api/complaints', 'loket', example('/api/complaints', 'email'));
    await expectAccepted('create', created, 201);
    const id = created.body.id as string;
    await expectAccepted(
      'triage sedang',
      await post(
        `/api/complaints/${id}/triage`,
        'pengaduan',
        example('/api/complaints/{id}/triage', 'sedang'),
      ),
      200,
    );
    await eventually(async () => (await openTasks(id)).length === 8);
    await expectAccepted(
      'recategorise berat',
      await post(
        `/api/complaints/${id}/recategorise`,
        'kabid',
        example('/api/complaints/{id}/recategorise', 'berat'),
      ),
      200,
    );
    await completeAll(id);
    await eventually(async () => (await statusOf(id)) === 'AWAITING_DECISION');
    return id;
  }

  beforeAll(async () => {
    e = await startE2e(kind);
    const doc = (await e.http.get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, Operation>>;
    };
    for (const path of OPERATIONS) {
      const found = doc.paths[path]?.post?.requestBody?.content['application/json']?.examples;
      if (found) examples.set(path, found);
    }
  });
  afterAll(async () => {
    await e?.stop();
  });

  it('documents at least one example for every action', () => {
    expect(OPERATIONS.filter((path) => Object.keys(examples.get(path) ?? {}).length === 0)).toEqual([]);
    // Triage documents both ways (accept, reject) as separate examples, never both in one body.
    for (const value of Object.values(examples.get('/api/complaints/{id}/triage')!).map((x) => x.value))
      expect('category' in value && 'reject' in value).toBe(false);
  });

  it('registers a complaint with every intake example (staff and website)', async () => {
    for (const [name, { value }] of Object.entries(examples.get('/api/complaints')!))
      await expectAccepted(`create ${name}`, await post('/api/complaints', 'loket', value), 201);
    for (const [name, { value }] of Object.entries(examples.get('/api/public/complaints')!))
      await expectAccepted(`public ${name}`, await post('/api/public/complaints', null, value), 201);
  });

  it('triages with every triage example', async () => {
    for (const [name, { value }] of Object.entries(examples.get('/api/complaints/{id}/triage')!)) {
      const created = await post('/api/complaints', 'loket', example('/api/complaints', 'email'));
      const res = await post(`/api/complaints/${created.body.id}/triage`, 'pengaduan', value);
      await expectAccepted(`triage ${name}`, res, 200);
    }
  });

  it('recategorises, completes tasks, decides with every decision example and responds', async () => {
    const decisions = examples.get('/api/complaints/{id}/escalation-decision')!;
    const [responseName] = Object.keys(examples.get('/api/complaints/{id}/response')!);
    for (const [name, { value }] of Object.entries(decisions)) {
      const id = await awaitingDecision();
      const decided = await post(`/api/complaints/${id}/escalation-decision`, 'walikota', value);
      await expectAccepted(`decision ${name}`, decided, 200);
      if (value.decision === 'FURTHER_STUDY') {
        // The units named study again; then the documented approval closes the round.
        await eventually(async () => (await openTasks(id)).length > 0);
        await completeAll(id);
        await eventually(async () => (await statusOf(id)) === 'AWAITING_DECISION');
        const approved = await post(
          `/api/complaints/${id}/escalation-decision`,
          'walikota',
          example('/api/complaints/{id}/escalation-decision', 'setujui'),
        );
        await expectAccepted('decision setujui after further study', approved, 200);
      }
      await eventually(async () => (await statusOf(id)) === 'AWAITING_RESPONSE');
      const responded = await post(
        `/api/complaints/${id}/response`,
        'pengaduan',
        example('/api/complaints/{id}/response', responseName),
      );
      await expectAccepted(`response after ${name}`, responded, 200);
      expect(responded.body.status).toBe('RESOLVED');
    }
  });
});
