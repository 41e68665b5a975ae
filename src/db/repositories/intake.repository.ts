import type { EntityManager } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { WORKFLOW_ID_PREFIX, workflowIdForRegister } from '../../temporal/ids';
import { AuditEvent, Complaint, IdempotencyRecord, RegisterCounter } from '../entities';
import { insertRow, rowValues, runStatement } from '../plain-insert';

/**
 * The idempotency record of a new complaint, and the answer it keeps for a repeated request (the
 * receipt, with the register number), made from the register number the complaint gets when stored.
 */
export interface NewIdempotencyRecord {
  record: Partial<IdempotencyRecord>;
  response: (registerNumber: string) => { registerNumber: string };
}

/**
 * What the intake of a complaint reads and writes: the idempotency records, the receiving official,
 * and the new complaint with its register number, first timeline event and idempotency record.
 */
export class IntakeRepository {
  constructor(private readonly em: EntityManager) {}

  /** The idempotency record of `key` (an earlier request with the same Idempotency-Key), if any. */
  findIdempotencyRecord(key: string): Promise<IdempotencyRecord | null> {
    return this.em.fork().findOne(IdempotencyRecord, { key });
  }

  /**
   * Stores the complaint, its first timeline event and the idempotency record (with the receipt as
   * its response) under the next register number of `period` (YYYY/MM), all or nothing, and returns
   * that number: YYYY/MM/NNNN, numbered per month of receipt (WIB), without gaps under concurrency
   * (the month's counter is created or incremented by INSERT ... ON CONFLICT ... RETURNING, which
   * PostgreSQL and SQLite both support). The counter's row stays locked from the increment to the
   * commit, so under load this is the intake's bottleneck; everything that can be done before it is.
   * Plain statements (no unit of work): the rows are new and nothing reads them back here.
   */
  async storeNumbered(
    complaint: Complaint,
    received: Partial<AuditEvent>,
    idempotency: NewIdempotencyRecord | undefined,
    period: string,
  ): Promise<string> {
    const em = this.em.fork();
    if (em.getPlatform() instanceof PostgreSqlPlatform) {
      return this.storeInOneStatement(em, complaint, received, idempotency, period);
    }
    return em.getConnection().transactional(async (trx) => {
      const counter = em.getMetadata().get(RegisterCounter.name).tableName;
      const [row] = await runStatement<{ last: number }>(
        em,
        `insert into ${counter} (period, last) values (?, 1) ` +
          `on conflict (period) do update set last = ${counter}.last + 1 returning last`,
        [period],
        trx,
      );
      const registerNumber = `${period}/${String(Number(row.last)).padStart(4, '0')}`;
      const workflowId = workflowIdForRegister(registerNumber);
      await insertRow(em, Complaint, { ...complaint, registerNumber, workflowId }, trx);
      await insertRow(em, AuditEvent, received, trx);
      if (idempotency) {
        await insertRow(
          em,
          IdempotencyRecord,
          { ...idempotency.record, response: { ...idempotency.response(registerNumber) } },
          trx,
        );
      }
      return registerNumber;
    });
  }

  /**
   * PostgreSQL: the counter's increment and the two or three inserts as one statement (data-modifying
   * CTEs run once and all or nothing), in autocommit: one round trip instead of five (begin, counter,
   * inserts, commit) while the counter's row is locked. The register number and the workflow ID are
   * made from the counter in SQL exactly as the other path makes them (`YYYY/MM/` and the number
   * padded to 4 digits; workflowIdForRegister); the idempotency record's response gets the number
   * merged into the receipt.
   */
  private async storeInOneStatement(
    em: EntityManager,
    complaint: Complaint,
    received: Partial<AuditEvent>,
    idempotency: NewIdempotencyRecord | undefined,
    period: string,
  ): Promise<string> {
    const counter = em.getMetadata().get(RegisterCounter.name).tableName;
    const registerNumber = '(select register_number from counter)';
    const values: unknown[] = [period];
    // An INSERT of `row`, its values as bindings except the columns made in SQL (with their own).
    type Computed = Record<string, { sql: string; bindings?: unknown[] }>;
    const insert = <T extends object>(entity: new () => T, row: Partial<T>, computed: Computed = {}) => {
      const r = rowValues(em, entity, row);
      const slots = r.columns.map((column, i) => {
        const made = computed[column];
        values.push(...(made ? (made.bindings ?? []) : [r.values[i]]));
        return made ? made.sql : '?';
      });
      const unknown = Object.keys(computed).filter((column) => !r.columns.includes(column));
      if (unknown.length > 0) throw new Error(`${r.table} has no column ${unknown.join(', ')}`);
      return `insert into ${r.table} (${r.columns.join(', ')}) values (${slots.join(', ')})`;
    };
    const parts = [
      `counter as (insert into ${counter} (period, last) values (?, 1) ` +
        `on conflict (period) do update set last = ${counter}.last + 1 ` +
        `returning period || '/' || lpad(last::text, greatest(4, length(last::text)), '0') as register_number)`,
      `complaint_row as (${insert(Complaint, complaint, {
        register_number: { sql: registerNumber },
        workflow_id: { sql: `? || replace(${registerNumber}, '/', '-')`, bindings: [WORKFLOW_ID_PREFIX] },
      })})`,
      `received_event as (${insert(AuditEvent, received)})`,
    ];
    if (idempotency) {
      const { registerNumber: _filledInSql, ...response } = idempotency.response('');
      parts.push(
        `idempotency_row as (${insert(IdempotencyRecord, idempotency.record, {
          response: {
            sql: `?::jsonb || jsonb_build_object('registerNumber', ${registerNumber})`,
            bindings: [JSON.stringify(response)],
          },
        })})`,
      );
    }
    const [row] = await runStatement<{ register_number: string }>(
      em,
      `with ${parts.join(', ')} select register_number from counter`,
      values,
    );
    return row.register_number;
  }
}
