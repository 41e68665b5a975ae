/**
 * In-memory stand-ins for what the complaint intake reads and writes (IntakeRepository, the
 * accounts), the reference data it checks against and the workflow start, so ComplaintIntakeService
 * is built directly in unit tests (no Nest module, no database, no Temporal).
 */
import { type EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { ReferenceDataCache } from '../../../src/api/reference-data/reference-data.cache';
import { Area, type AuditEvent, type Complaint, IdempotencyRecord, User } from '../../../src/db/entities';
import { IntakeRepository, type NewIdempotencyRecord } from '../../../src/db/repositories/intake.repository';
import { UserRepository } from '../../../src/db/repositories/user.repository';
import { ComplaintWorkflows } from '../../../src/temporal/complaint-workflows';
import { workflowIdForRegister } from '../../../src/temporal/ids';

const NO_DATABASE = {
  fork: () => {
    throw new Error('unit tests have no database: override this repository method in the fake');
  },
} as unknown as EntityManager;

/** What one intake stored, as the database would hold it. */
export interface StoredIntake {
  complaint: Complaint;
  received: Partial<AuditEvent>;
  period: string;
}

/** The accounts the intake looks a receiving official up in. */
export class InMemoryUserRepository extends UserRepository {
  readonly users: User[] = [];

  constructor() {
    super(NO_DATABASE);
  }

  addUser(fields: Partial<User>): User {
    const user = Object.assign(new User(), fields);
    this.users.push(user);
    return user;
  }

  override async findById(id: string): Promise<User | null> {
    return this.users.find((u) => u.id === id) ?? null;
  }
}

export class InMemoryIntakeRepository extends IntakeRepository {
  readonly stored: StoredIntake[] = [];
  readonly idempotency = new Map<string, IdempotencyRecord>();
  /** The last number given per period (YYYY/MM). */
  readonly counters = new Map<string, number>();
  /** Runs before each store (e.g. to let a concurrent request store its complaint first). */
  beforeStore: () => void = () => {};

  constructor() {
    super(NO_DATABASE);
  }

  override async findIdempotencyRecord(key: string): Promise<IdempotencyRecord | null> {
    return this.idempotency.get(key) ?? null;
  }

  /** All or nothing like the database: a taken Idempotency-Key stores nothing and numbers nothing. */
  override async storeNumbered(
    complaint: Complaint,
    received: Partial<AuditEvent>,
    idempotency: NewIdempotencyRecord | undefined,
    period: string,
  ): Promise<string> {
    this.beforeStore();
    if (idempotency && this.idempotency.has(idempotency.record.key!)) {
      throw new UniqueConstraintViolationException(new Error('duplicate key value (idempotency_record)'));
    }
    const last = (this.counters.get(period) ?? 0) + 1;
    this.counters.set(period, last);
    const registerNumber = `${period}/${String(last).padStart(4, '0')}`;
    const workflowId = workflowIdForRegister(registerNumber);
    this.stored.push({ complaint: { ...complaint, registerNumber, workflowId }, received, period });
    if (idempotency) {
      this.idempotency.set(
        idempotency.record.key!,
        Object.assign(new IdempotencyRecord(), {
          ...idempotency.record,
          response: { ...idempotency.response(registerNumber) },
        }),
      );
    }
    return registerNumber;
  }
}

/** The reference data the intake reads: a deadline (with an optional warning) and the areas. */
export function fakeReferenceData(
  options: { dueAt?: Date; warning?: string; areas?: Area[] } = {},
): ReferenceDataCache {
  const areas = new Map((options.areas ?? []).map((a) => [a.code, a]));
  return {
    deadline: async (receivedAt: Date) => ({
      dueAt: options.dueAt ?? new Date(receivedAt.getTime() + 14 * 86_400_000),
      ...(options.warning ? { warning: options.warning } : {}),
    }),
    areas: async () => areas,
  } as unknown as ReferenceDataCache;
}

export function area(code: string, level: 'KECAMATAN' | 'KELURAHAN', parentCode: string | null = null): Area {
  return Object.assign(new Area(), { code, level, name: code, parentCode });
}

/** The workflow starts the intake asked for; `fail` makes Temporal unreachable. */
export class FakeWorkflowStarts {
  readonly started: Complaint[] = [];
  fail = false;
  /** What describe() answers of an existing workflow (an error is thrown as Temporal would). */
  describeAnswer: (workflowId: string) => { status: { name: string } } = () => ({
    status: { name: 'COMPLETED' },
  });

  asGateway(): ComplaintWorkflows {
    return {
      start: async (complaint: Complaint) => {
        if (this.fail) throw new Error('Temporal tidak dapat dihubungi');
        this.started.push({ ...complaint });
      },
      describe: async (workflowId: string) => {
        if (this.fail) throw new Error('Temporal tidak dapat dihubungi');
        return this.describeAnswer(workflowId);
      },
      // The gateway's own wait, over the describe() above.
      waitUntilEnded: ComplaintWorkflows.prototype.waitUntilEnded,
    } as unknown as ComplaintWorkflows;
  }
}
