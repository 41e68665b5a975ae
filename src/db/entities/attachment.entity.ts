import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** An evidence file (bukti) of a complaint, stored on disk under DATA_DIR/attachments. */
@Entity({ tableName: 'attachment' })
export class Attachment {
  @PrimaryKey({ type: 'string', length: 36 })
  id!: string;

  @Property({ type: 'string', length: 36, index: true })
  complaintId!: string;

  @Property({ type: 'string', length: 255 })
  fileName!: string;

  @Property({ type: 'string', length: 100 })
  mimeType!: string;

  @Property({ type: 'integer' })
  size!: number;

  /** SHA-256 of the content, hex. */
  @Property({ type: 'string', length: 64 })
  sha256!: string;

  /** Path relative to the attachments folder. */
  @Property({ type: 'string', length: 255 })
  storagePath!: string;

  @Property({ type: 'string', length: 64, nullable: true })
  uploadedBy?: string | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
