import type { EntityManager } from '@mikro-orm/core';
import { AuditEvent, Complaint } from './entities';

/**
 * Removes the complainant's personal data from a complaint: the name becomes a placeholder, NIK,
 * address, phone and e-mail are cleared, and the complaint's timeline records it. Idempotent.
 * Minimal version (data-subject erasure); the retention work replaces it with the full one.
 */
export async function anonymiseComplaint(
  em: EntityManager,
  complaintId: string,
  reason: { kind: 'RETENTION' | 'ERASURE'; actor: string; at: Date },
  _files: { dataDir: string },
): Promise<{ removedFiles: number }> {
  const complaint = await em.findOneOrFail(Complaint, { id: complaintId });
  complaint.complainantName = 'Dianonimkan';
  complaint.complainantNik = null;
  complaint.complainantAddress = null;
  complaint.complainantPhone = null;
  complaint.complainantEmail = null;
  const id = `${complaintId}:anonymised`;
  if (!(await em.findOne(AuditEvent, { id })))
    em.create(AuditEvent, {
      id,
      complaintId,
      type: 'PERSONAL_DATA_ANONYMISED',
      actor: reason.actor,
      at: reason.at,
      details: { reason: reason.kind },
    });
  await em.flush();
  return { removedFiles: 0 };
}
