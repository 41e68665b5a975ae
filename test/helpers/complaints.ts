import { randomBytes, randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { WorkflowHandle } from '@temporalio/client';
import { Complaint } from '../../src/db/entities';
import type { Category } from '../../src/domain/categories';
import { workflowIdForRegister } from '../../src/temporal/ids';
import { type ComplaintWorkflowInput, triageUpdate } from '../../workflows/complaint/definitions';

/** Inserts the intake record the API would write, and returns the matching workflow input. */
export async function insertComplaint(
  orm: MikroORM,
  receivedAt = new Date(),
): Promise<ComplaintWorkflowInput & { workflowId: string }> {
  const id = randomUUID();
  const registerNumber = `2026/12/${randomBytes(4).toString('hex')}`;
  const em = orm.em.fork();
  em.create(Complaint, {
    id,
    registerNumber,
    trackingCode: randomBytes(5).toString('hex').toUpperCase(),
    workflowId: workflowIdForRegister(registerNumber),
    channel: 'WEBSITE',
    complainantName: 'Siti Aminah',
    description: 'Limbah pabrik tahu mencemari sungai.',
    evidence: ['foto-sungai.jpg'],
    receivedAt,
    status: 'RECEIVED',
    overdue: false,
    createdAt: new Date(),
    updatedAt: new Date(),
  });
  await em.flush();
  return {
    complaintId: id,
    registerNumber,
    channel: 'WEBSITE',
    receivedAt: receivedAt.toISOString(),
    workflowId: workflowIdForRegister(registerNumber),
  };
}

/**
 * Sends the triage of every complaint at once, as the Seksi Pengaduan would (location: a kelurahan of
 * Prabumulih Barat), without waiting: an Update is accepted in the same workflow task that writes its
 * records (a local activity), so waiting for acceptance would wait for the whole fan-out. The promise
 * settles once every triage is answered (or has failed, e.g. while the worker was down).
 */
export function sendTriages(handles: WorkflowHandle[], category: Category): Promise<unknown> {
  return Promise.all(
    handles.map((h) =>
      h
        .executeUpdate(triageUpdate, {
          args: [
            {
              actor: { username: 'pengaduan', unit: 'SEKSI_PENGADUAN' },
              category,
              location: { kecamatan: '16.74.01', kelurahan: '16.74.01.1007' },
            },
          ],
        })
        .catch(() => undefined),
    ),
  );
}

/** The development seed's user of each unit (src/db/seed.ts). */
const SEEDED_UNIT_USERS: Record<string, string> = {
  LOKET: 'loket',
  SEKSI_PENGADUAN: 'pengaduan',
  SEKSI_KEBIJAKAN: 'kebijakan',
  KABID_PENGADUAN: 'kabid',
  KEPALA_DINAS: 'kadis',
  BIDANG_PERIZINAN: 'perizinan',
  TIM_TEKNIS: 'teknis',
};

/** The seeded user who does a task: the unit's user, or the local official of the task's area. */
export function seededUserFor(task: { unit: string; area: string | null }): string {
  if (task.unit === 'KECAMATAN') return `kec-${task.area}`;
  if (task.unit === 'KELURAHAN') return `kel-${task.area}`;
  return SEEDED_UNIT_USERS[task.unit];
}
