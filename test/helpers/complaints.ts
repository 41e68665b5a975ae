import { randomBytes, randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import { Complaint } from '../../src/db/entities';
import { workflowIdForRegister } from '../../src/temporal/ids';
import type { ComplaintWorkflowInput } from '../../workflows/complaint/definitions';

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
