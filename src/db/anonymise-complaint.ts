/**
 * Removes a complainant's personal data from one complaint (UU 27/2022): at the end of the retention
 * period (src/domain/retention.ts) or on the data subject's erasure request.
 *
 * Removed: the name (replaced by ANONYMISED_NAME), NIK, address, phone, e-mail and notification
 * preference; the Open311 location (coordinates and address in words: they may point at the
 * complainant's home); the evidence descriptions; the evidence files on disk with their attachment
 * rows, and the file names in the timeline's ATTACHMENT_ADDED events; the contact addresses in the
 * complaint's notifications to the complainant.
 *
 * Kept, so every statistic and recap report stays as it was: the status, channel, category, dates,
 * deadlines, kecamatan/kelurahan, tasks, decisions, ratings and the timeline. Free text (the
 * description, the response and rejection reason, task outcomes and notes, decision notes, the
 * objection's reason, a rating's comment, the timeline's details, the notifications' subject and
 * body) is kept as the case's substance, with every written form of the complainant's own name,
 * NIK, address, phone and e-mail cut out (src/domain/identity-redaction.ts): the receipt's
 * "Yth. Bapak/Ibu <name>" included.
 *
 * Idempotent and safe to retry: files go first (a retry finds them gone), then one transaction
 * updates the rows; the audit event has a deterministic id and is written only by the first run.
 * removedFiles counts the evidence files (attachment rows) this call removed: 0 on a second run.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/core';
import { identityRedactor, redactJson } from '../domain/identity-redaction';
import {
  Attachment,
  AuditEvent,
  Complaint,
  ComplaintTask,
  Decision,
  Notification,
  SatisfactionRating,
} from './entities';

/** The name an anonymised complaint carries (complainant_name is not null). */
export const ANONYMISED_NAME = 'Dianonimkan';
export const ANONYMISED_EVENT = 'PERSONAL_DATA_ANONYMISED';

export interface AnonymiseReason {
  /** RETENTION: the period after closure ended; ERASURE: the data subject asked. */
  kind: 'RETENTION' | 'ERASURE';
  /** Who did it: a username, or the schedule ('JADWAL'). */
  actor: string;
  at: Date;
}

/** The evidence files of a complaint are under <dataDir>/attachments/<complaintId>/. */
export function attachmentsDirOf(dataDir: string, complaintId: string): string {
  return path.join(path.resolve(dataDir, 'attachments'), complaintId);
}

export async function anonymiseComplaint(
  em: EntityManager,
  complaintId: string,
  reason: AnonymiseReason,
  files: { dataDir: string },
): Promise<{ removedFiles: number }> {
  const read = em.fork();
  const complaint = await read.findOne(Complaint, { id: complaintId });
  if (!complaint) throw new Error(`complaint ${complaintId} not found`);
  // The identity as stored before it goes (a second run finds it gone and changes no text).
  const redact = identityRedactor(
    complaint.complainantName === ANONYMISED_NAME
      ? {}
      : {
          name: complaint.complainantName,
          nik: complaint.complainantNik,
          address: complaint.complainantAddress,
          phone: complaint.complainantPhone,
          email: complaint.complainantEmail,
        },
  );
  const redactOrNull = (text: string | null | undefined) => (text == null ? null : redact(text));

  // The files first: a failure later leaves rows that the retry finds again, never orphan files.
  const root = path.resolve(files.dataDir, 'attachments');
  const attachments = await read.find(Attachment, { complaintId }, { fields: ['id', 'storagePath'] });
  for (const attachment of attachments) {
    const file = path.resolve(root, attachment.storagePath);
    if (!file.startsWith(root + path.sep)) continue; // never outside the attachments folder
    await fs.promises.rm(file, { force: true });
  }
  const dir = attachmentsDirOf(files.dataDir, complaintId);
  // Leftovers of an interrupted upload (<id>.part) and the complaint's folder itself.
  await fs.promises.rm(dir, { recursive: true, force: true });

  // Each attachment row is one evidence file (removed above).
  let removedFiles = 0;
  await em.transactional(async (tx) => {
    const first =
      (await tx.nativeUpdate(
        Complaint,
        { id: complaintId, anonymisedAt: null },
        { anonymisedAt: reason.at },
      )) === 1;
    await tx.nativeUpdate(
      Complaint,
      { id: complaintId },
      {
        complainantName: ANONYMISED_NAME,
        complainantNik: null,
        complainantAddress: null,
        complainantPhone: null,
        complainantEmail: null,
        // The keyed lookup hashes too (a raw update skips the entity's hooks): nothing is left
        // to find the person by.
        complainantNikHash: null,
        complainantPhoneHash: null,
        complainantEmailHash: null,
        notifyBy: null,
        evidence: [],
        latitude: null,
        longitude: null,
        locationAddress: null,
        description: redact(complaint.description),
        response: redactOrNull(complaint.response),
        rejectionReason: redactOrNull(complaint.rejectionReason),
        objectionReason: redactOrNull(complaint.objectionReason),
        previousOutcome: complaint.previousOutcome ? redactJson(complaint.previousOutcome, redact) : null,
      },
    );
    // The free text around the case. The rows are read outside the unit of work and only the ones
    // the redaction changes are written, one UPDATE each.
    const detached = { disableIdentityMap: true } as const;
    const text = (value: unknown) => (typeof value === 'string' ? redact(value) : value);
    for (const task of await tx.find(ComplaintTask, { complaintId }, detached)) {
      const set = changedFields(task, ['outcome', 'notes'], text);
      if (set) await tx.nativeUpdate(ComplaintTask, { id: task.id }, set);
    }
    for (const decision of await tx.find(Decision, { complaintId }, detached)) {
      const set = changedFields(decision, ['notes'], text);
      if (set) await tx.nativeUpdate(Decision, { id: decision.id }, set);
    }
    for (const rating of await tx.find(SatisfactionRating, { complaintId }, detached)) {
      const set = changedFields(rating, ['comment'], text);
      if (set) await tx.nativeUpdate(SatisfactionRating, { complaintId }, set);
    }
    removedFiles = await tx.nativeDelete(Attachment, { complaintId });
    await tx.nativeUpdate(
      Notification,
      {
        complaintId,
        recipient: 'COMPLAINANT',
        $or: [{ address: { $ne: null } }, { deliveredTo: { $ne: null } }],
      },
      { address: null, deliveredTo: null },
    );
    for (const notification of await tx.find(Notification, { complaintId }, detached)) {
      const set = changedFields(notification, ['subject', 'body'], text);
      if (set) await tx.nativeUpdate(Notification, { id: notification.id }, set);
    }
    for (const event of await tx.find(AuditEvent, { complaintId }, detached)) {
      const set = changedFields(event, ['details'], (details) => {
        if (!details || typeof details !== 'object') return details;
        const { fileName: _removed, ...rest } = details as Record<string, unknown>;
        return redactJson(event.type === 'ATTACHMENT_ADDED' ? rest : details, redact);
      });
      if (set) await tx.nativeUpdate(AuditEvent, { id: event.id }, set);
    }
    if (first) {
      tx.create(AuditEvent, {
        id: `${complaintId}:personal-data-anonymised`,
        complaintId,
        type: ANONYMISED_EVENT,
        actor: reason.actor,
        at: reason.at,
        details: { reason: reason.kind, removedFiles },
      });
    }
  });
  return { removedFiles };
}

/** The fields of `row` that `next` changes, with their new values; null when it changes none. */
function changedFields<T extends object, K extends keyof T>(
  row: T,
  fields: K[],
  next: (value: T[K]) => unknown,
): Partial<Pick<T, K>> | null {
  const set: Partial<Pick<T, K>> = {};
  for (const field of fields) {
    const value = next(row[field]) as T[K];
    if (JSON.stringify(value) !== JSON.stringify(row[field])) set[field] = value;
  }
  return Object.keys(set).length > 0 ? set : null;
}
