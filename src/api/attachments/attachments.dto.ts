import { ApiProperty } from '@nestjs/swagger';
import { ApiSchemaRule } from '../common/openapi';

/** The multipart body of an upload (documentation only: multer parses it): one part, `file`. */
@ApiSchemaRule({ required: ['file'], additionalProperties: false })
export class UploadAttachmentDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    minLength: 1, // an empty file is refused (400)
    description: 'Berkas bukti: JPEG, PNG atau PDF (ukuran paling besar ATTACHMENT_MAX_BYTES, bawaan 10 MB)',
  })
  file!: unknown;
}

/** What the complainant sees of an evidence file they sent through the website. */
export class PublicAttachmentDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'foto-saluran-limbah.jpg', description: 'Nama berkas (sudah dibersihkan)' })
  fileName!: string;
  @ApiProperty({ enum: ['image/jpeg', 'image/png', 'application/pdf'] }) mimeType!: string;
  @ApiProperty({ description: 'Ukuran dalam byte' }) size!: number;
  @ApiProperty({ description: 'SHA-256 isi berkas (hex)', example: 'e3b0c442…' }) sha256!: string;
  @ApiProperty() createdAt!: string;
}

export class AttachmentDto extends PublicAttachmentDto {
  @ApiProperty() complaintId!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Nama pengguna petugas; null bila dikirim pengadu lewat situs',
  })
  uploadedBy!: string | null;
}
