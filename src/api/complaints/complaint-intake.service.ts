import { createHash, randomInt, randomUUID } from 'node:crypto';
import { EntityManager, type Transaction, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditEvent, Complaint, IdempotencyRecord, RegisterCounter } from '../../db/entities';
import { insertRow } from '../../db/plain-insert';
import { type Channel, checkIntakeRules } from '../../domain/channels';
import { ComplaintWorkflows } from '../../temporal/complaint-workflows';
import { workflowIdForRegister } from '../../temporal/ids';
import type { Principal } from '../auth/principal';
import { badRequest, conflict, unprocessable } from '../common/api-error';
import { officeDateOf, ReferenceDataCache } from '../reference-data/reference-data.cache';
import type { ComplaintCreatedDto, PublicComplaintDto } from './create-complaint.dto';

/** A letter may be logged late, but not by more than this. */
export const MAX_BACKDATE_DAYS = 30;
const TRACKING_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I
// Intake rules that are about the form of a field (400) rather than the SOP (422).
const FORMAT_RULES = new Set(['NIK_FORMAT', 'CHANNEL_VALID']);

export interface IntakeRequest {
  body: PublicComplaintDto;
  channel: Channel;
  receivedAt?: string;
  receivedBy: Principal | null;
  idempotencyKey?: string;
}

/**
 * Registers a complaint: checks the SOP's intake rules, gives it a register number and a tracking
 * code, stores it with its deadline, then starts its workflow. The record is committed before the
 * workflow starts, so nothing submitted is lost if Temporal is down: the worker's reconciler starts
 * any workflow that is missing.
 */
@Injectable()
export class ComplaintIntakeService {
  private readonly logger = new Logger(ComplaintIntakeService.name);

  constructor(
    private readonly em: EntityManager,
    @Inject(ComplaintWorkflows) private readonly workflows: ComplaintWorkflows,
    private readonly referenceData: ReferenceDataCache,
  ) {}

  async register(req: IntakeRequest): Promise<ComplaintCreatedDto> {
    const idempotencyKey = req.idempotencyKey
      ? `${req.receivedBy?.username ?? 'publik'}:${req.idempotencyKey}`
      : undefined;
    // What a repeated request must match to get the earlier answer (only with an Idempotency-Key).
    const requestHash = idempotencyKey
      ? createHash('sha256')
          .update(JSON.stringify({ channel: req.channel, receivedAt: req.receivedAt, body: req.body }))
          .digest('hex')
      : '';
    if (idempotencyKey) {
      const earlier = await this.findEarlier(idempotencyKey, requestHash);
      if (earlier) return earlier;
    }

    const receivedAt = this.checkReceivedAt(req.receivedAt);
    this.checkIntakeRules(req);
    const location = await this.checkLocation(req.body.location);

    const { dueAt, warning: calendarWarning } = await this.referenceData.deadline(receivedAt);

    let complaint: Complaint;
    let created: ComplaintCreatedDto;
    try {
      // Everything that can be done before the transaction is: the register counter's row stays locked
      // from the increment to the commit, so under load this transaction is the intake's bottleneck.
      // Plain statements in a connection-level transaction (no unit of work): the rows are new and
      // nothing reads them back here.
      const em = this.em.fork();
      ({ complaint, created } = await em.getConnection().transactional(async (trx) => {
        const registerNumber = await this.nextRegisterNumber(em, trx, receivedAt);
        const now = new Date();
        const c: Complaint = {
          id: randomUUID(),
          registerNumber,
          trackingCode: trackingCode(),
          workflowId: workflowIdForRegister(registerNumber),
          channel: req.channel,
          complainantName: req.body.complainant.name.trim(),
          complainantNik: req.body.complainant.nik?.trim() || null,
          complainantAddress: req.body.complainant.address?.trim() || null,
          complainantPhone: req.body.complainant.phone?.trim() || null,
          complainantEmail: req.body.complainant.email?.trim() || null,
          licensingService: req.body.licensingService?.trim() || null,
          description: req.body.description.trim(),
          evidence: req.body.evidence.map((e) => e.trim()).filter(Boolean),
          kecamatan: location?.kecamatan ?? null,
          kelurahan: location?.kelurahan ?? null,
          receivedAt,
          receivedBy: req.receivedBy?.username ?? null,
          status: 'RECEIVED',
          dueAt,
          overdue: false,
          createdAt: now,
          updatedAt: now,
        };
        await insertRow(em, Complaint, c, trx);
        const result: ComplaintCreatedDto = {
          id: c.id,
          registerNumber,
          trackingCode: c.trackingCode,
          status: 'RECEIVED',
          receivedAt: receivedAt.toISOString(),
          dueAt: dueAt.toISOString(),
        };
        await insertRow(
          em,
          AuditEvent,
          {
            id: `${c.id}:received`,
            complaintId: c.id,
            type: 'RECEIVED',
            actor: req.receivedBy?.username ?? null,
            at: now,
            details: { channel: req.channel, calendarWarning },
          },
          trx,
        );
        if (idempotencyKey) {
          await insertRow(
            em,
            IdempotencyRecord,
            { key: idempotencyKey, requestHash, complaintId: c.id, response: { ...result }, createdAt: now },
            trx,
          );
        }
        return { complaint: c, created: result };
      }));
    } catch (err) {
      // The same Idempotency-Key sent twice at once: the other request stored its complaint first.
      if (idempotencyKey && err instanceof UniqueConstraintViolationException) {
        const earlier = await this.findEarlier(idempotencyKey, requestHash);
        if (earlier) return earlier;
      }
      throw err;
    }

    // The complaint is stored: if Temporal does not answer promptly the citizen still gets the receipt
    // and the reconciler starts the workflow later.
    try {
      await this.workflows.start(complaint);
    } catch (err) {
      this.logger.warn(
        `complaint ${complaint.registerNumber} saved; its workflow will be started by the reconciler: ${err}`,
      );
    }
    return created;
  }

  private async findEarlier(key: string, requestHash: string): Promise<ComplaintCreatedDto | undefined> {
    const record = await this.em.fork().findOne(IdempotencyRecord, { key });
    if (!record) return undefined;
    if (record.requestHash !== requestHash) {
      throw conflict(
        'Idempotency-Key ini sudah dipakai untuk pengaduan dengan isi berbeda. Gunakan kunci baru untuk pengaduan baru.',
      );
    }
    return record.response as unknown as ComplaintCreatedDto;
  }

  private checkReceivedAt(value: string | undefined): Date {
    const now = Date.now();
    if (value === undefined) return new Date(now);
    const at = new Date(value);
    // A minute of grace for clocks that run slightly ahead.
    if (at.getTime() > now + 60_000)
      throw unprocessable('Waktu penerimaan (receivedAt) tidak boleh di masa depan.');
    if (at.getTime() < now - MAX_BACKDATE_DAYS * 86_400_000) {
      throw unprocessable(`Waktu penerimaan (receivedAt) paling lama ${MAX_BACKDATE_DAYS} hari yang lalu.`);
    }
    return at;
  }

  private checkIntakeRules(req: IntakeRequest): void {
    const violations = checkIntakeRules({
      channel: req.channel,
      complainant: req.body.complainant,
      description: req.body.description,
      evidence: req.body.evidence,
      receivedBy: { eselon: req.receivedBy?.eselon ?? null },
    });
    const format = violations.filter((v) => FORMAT_RULES.has(v.rule));
    if (format.length > 0) throw badRequest(format.map((v) => v.message).join(' '));
    if (violations.length > 0) throw unprocessable(violations.map((v) => v.message).join(' '));
  }

  private async checkLocation(
    location: PublicComplaintDto['location'],
  ): Promise<{ kecamatan: string; kelurahan: string | null } | null> {
    if (!location?.kecamatan && !location?.kelurahan) return null;
    const areas = await this.referenceData.areas();
    const area = (code: string | undefined, level: string) => {
      const found = code ? areas.get(code) : undefined;
      return found?.level === level ? found : null;
    };
    const kelurahan = area(location.kelurahan, 'KELURAHAN');
    if (location.kelurahan && !kelurahan)
      throw unprocessable('Kelurahan/desa tidak dikenal di Kota Prabumulih.');
    const kecamatanCode = location.kecamatan ?? kelurahan?.parentCode ?? undefined;
    const kecamatan = area(kecamatanCode, 'KECAMATAN');
    if (!kecamatan) throw unprocessable('Kecamatan tidak dikenal di Kota Prabumulih.');
    if (kelurahan && kelurahan.parentCode !== kecamatan.code)
      throw unprocessable('Kelurahan yang dipilih tidak berada di kecamatan tersebut.');
    return { kecamatan: kecamatan.code, kelurahan: kelurahan?.code ?? null };
  }

  /**
   * YYYY/MM/NNNN, numbered per month of receipt (WIB), without gaps under concurrency: one statement
   * creates or increments the month's counter and returns it (PostgreSQL and SQLite both support
   * INSERT ... ON CONFLICT ... RETURNING); the row stays locked until the transaction commits.
   */
  private async nextRegisterNumber(em: EntityManager, trx: Transaction, receivedAt: Date): Promise<string> {
    const period = officeDateOf(receivedAt).slice(0, 7).replace('-', '/');
    const table = em.getMetadata().get(RegisterCounter.name).tableName;
    const [row] = await em
      .getConnection()
      .execute<{ last: number }[]>(
        `insert into ${table} (period, last) values (?, 1) ` +
          `on conflict (period) do update set last = ${table}.last + 1 returning last`,
        [period],
        'all',
        trx,
      );
    return `${period}/${String(Number(row.last)).padStart(4, '0')}`;
  }
}

function trackingCode(): string {
  return Array.from({ length: 10 }, () => TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)]).join('');
}
