import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { PreviousOutcome } from '../../domain/objection';
import { EncryptedString } from '../encrypted-string.type';
import { lookupHash } from '../lookup-hash';

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

  /**
   * The complainant's NIK, address, phone and e-mail are stored encrypted (EncryptedString,
   * src/db/personal-data-cipher.ts); a complaint is found by NIK, phone or e-mail through the keyed
   * hashes below (src/db/person-lookup.ts), which follow the values on every insert and update
   * through the ORM (onCreate/onUpdate; the intake's plain insert honours onCreate). A raw UPDATE of
   * these columns must set the hashes too (complainantHashes in src/db/lookup-hash.ts).
   */
  @Property({ type: EncryptedString, nullable: true })
  complainantNik?: string | null;

  @Property({ type: EncryptedString, nullable: true })
  complainantAddress?: string | null;

  @Property({ type: EncryptedString, nullable: true })
  complainantPhone?: string | null;

  @Property({ type: EncryptedString, nullable: true })
  complainantEmail?: string | null;

  @Property({
    type: 'string',
    length: 64,
    nullable: true,
    index: true,
    onCreate: (c: Complaint, em) => lookupHash('nik', c.complainantNik, em),
    onUpdate: (c: Complaint, em) => lookupHash('nik', c.complainantNik, em),
  })
  complainantNikHash?: string | null;

  @Property({
    type: 'string',
    length: 64,
    nullable: true,
    index: true,
    onCreate: (c: Complaint, em) => lookupHash('phone', c.complainantPhone, em),
    onUpdate: (c: Complaint, em) => lookupHash('phone', c.complainantPhone, em),
  })
  complainantPhoneHash?: string | null;

  @Property({
    type: 'string',
    length: 64,
    nullable: true,
    index: true,
    onCreate: (c: Complaint, em) => lookupHash('email', c.complainantEmail, em),
    onUpdate: (c: Complaint, em) => lookupHash('email', c.complainantEmail, em),
  })
  complainantEmailHash?: string | null;

  /**
   * How the complainant wants to be told: EMAIL, SMS, WHATSAPP or NONE; null = e-mail if given,
   * else the phone through the gateway (src/notifications/recipients.ts).
   */
  @Property({ type: 'string', length: 12, nullable: true })
  notifyBy?: string | null;

  /**
   * BIASA, RAHASIA (identity seen by Seksi Pengaduan, the Kabid and admins only) or ANONIM (no
   * identity taken): src/domain/identity-mode.ts.
   */
  @Property({ type: 'string', length: 8, default: 'BIASA' })
  identityMode?: string = 'BIASA';

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

  /**
   * Objection (keberatan, src/domain/objection.ts): when it was filed, its reason, and by whom (the
   * front-desk officer's username; null when the complainant filed it from the tracking page). The
   * case then runs a new round in a new workflow (workflowId); the first one stays as
   * previousWorkflowId, and the answer the objection set aside as previousOutcome.
   */
  @Property({ type: 'datetime', nullable: true, index: true })
  objectedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  objectionReason?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  objectedBy?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  previousWorkflowId?: string | null;

  @Property({ type: 'json', nullable: true })
  previousOutcome?: PreviousOutcome | null;

  /**
   * How far the workflow's writes reached (activities/record-transition.ts): the execution that
   * wrote last and the position of its last transition. A write that finds them beyond its own
   * starting position is refused, and the workflow sends its state to set the record back.
   */
  @Property({ type: 'string', length: 64, nullable: true })
  recordWorkflowId?: string | null;

  @Property({ type: 'integer', nullable: true })
  recordSeq?: number | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  /** Where the complaint came in from besides its channel: 'OPEN311' (the GeoReport v2 endpoint), else null. */
  @Property({ type: 'string', length: 16, nullable: true })
  source?: string | null;

  /** OPEN311: the name of the client application whose API key created it. */
  @Property({ type: 'string', length: 100, nullable: true })
  sourceClient?: string | null;

  /** OPEN311: the service (our category) the client asked for; triage decides the category. */
  @Property({ type: 'string', length: 16, nullable: true })
  requestedService?: string | null;

  /** The location's coordinates (WGS84), when the complainant gave them. */
  @Property({ type: 'double', nullable: true })
  latitude?: number | null;

  @Property({ type: 'double', nullable: true })
  longitude?: number | null;

  /** The location as the complainant described it in words (Open311 address_string). */
  @Property({ type: 'text', nullable: true })
  locationAddress?: string | null;
  /** The triage's stage deadline (null for cases started before stage deadlines). */
  @Property({ type: 'datetime', nullable: true })
  triageDueAt?: Date | null;
  /**
   * The version of the privacy notice (src/domain/privacy-notice.ts) the complainant acknowledged, and
   * when (null for complaints from before the notice existed).
   */
  @Property({ type: 'string', length: 20, nullable: true })
  privacyNoticeVersion?: string | null;
  @Property({ type: 'datetime', nullable: true })
  privacyAcknowledgedAt?: Date | null;
  /**
   * When the complainant's personal data were removed (src/db/anonymise-complaint.ts): at the end of
   * the retention period (src/domain/retention.ts) or on an erasure request. Null while they are kept.
   */
  @Property({ type: 'datetime', nullable: true })
  anonymisedAt?: Date | null;
}
