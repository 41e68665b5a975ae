import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** One complaint as the office's lists and reports see it; the workflow keeps it current. */
@Entity({ tableName: 'complaint' })
// Reports select a period by the date of receipt.
@Index({ properties: ['receivedAt'] })
@Index({ properties: ['status', 'receivedAt'] })
@Index({ properties: ['category', 'receivedAt'] })
@Index({ properties: ['overdue', 'status'] })
export class Complaint {
  @PrimaryKey({ type: 'string', length: 36 })
  id!: string;

  @Property({ type: 'string', length: 32, unique: true })
  registerNumber!: string;

  @Property({ type: 'string', length: 16, unique: true })
  trackingCode!: string;

  @Property({ type: 'string', length: 64, unique: true })
  workflowId!: string;

  @Property({ type: 'string', length: 16 })
  channel!: string;

  @Property({ type: 'string', length: 200 })
  complainantName!: string;

  @Property({ type: 'string', length: 16, nullable: true })
  complainantNik?: string | null;

  @Property({ type: 'text', nullable: true })
  complainantAddress?: string | null;

  @Property({ type: 'string', length: 32, nullable: true })
  complainantPhone?: string | null;

  @Property({ type: 'string', length: 254, nullable: true })
  complainantEmail?: string | null;

  /**
   * How the complainant wants to be told: EMAIL, SMS, WHATSAPP or NONE; null = e-mail if given,
   * else the phone through the gateway (src/notifications/recipients.ts).
   */
  @Property({ type: 'string', length: 12, nullable: true })
  notifyBy?: string | null;

  /** The licensing service the complaint is about (layanan perizinan), as the complainant named it. */
  @Property({ type: 'string', length: 200, nullable: true })
  licensingService?: string | null;

  @Property({ type: 'text' })
  description!: string;

  @Property({ type: 'json' })
  evidence: string[] = [];

  @Property({ type: 'string', length: 16, nullable: true })
  kecamatan?: string | null;

  @Property({ type: 'string', length: 16, nullable: true })
  kelurahan?: string | null;

  @Property({ type: 'datetime' })
  receivedAt!: Date;

  @Property({ type: 'string', length: 64, nullable: true })
  receivedBy?: string | null;

  /**
   * TATAP_MUKA: the official of eselon IV or higher who received the complainant (SOP C.1.a), who
   * may differ from the user who registered it (receivedBy, e.g. the front desk). Username, with
   * the name and echelon as they were at receipt.
   */
  @Property({ type: 'string', length: 64, nullable: true })
  receivingOfficial?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  receivingOfficialName?: string | null;

  @Property({ type: 'string', length: 8, nullable: true })
  receivingOfficialEselon?: string | null;

  @Property({ type: 'string', length: 8, nullable: true })
  category?: string | null;

  @Property({ type: 'string', length: 24 })
  status = 'RECEIVED';

  @Property({ type: 'datetime', nullable: true })
  dueAt?: Date | null;

  @Property({ type: 'boolean' })
  overdue = false;

  @Property({ type: 'text', nullable: true })
  response?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  respondedBy?: string | null;

  @Property({ type: 'text', nullable: true })
  rejectionReason?: string | null;

  @Property({ type: 'datetime', nullable: true })
  closedAt?: Date | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  /** The triage's stage deadline (null for cases started before stage deadlines). */
  @Property({ type: 'datetime', nullable: true })
  triageDueAt?: Date | null;
}
