import { ApiProperty } from '@nestjs/swagger';

/** The shape of the export (JSON download); the PDF prints the same. */
export class ExportIdentityDto {
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) nik!: string | null;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Cara pemberitahuan yang dipilih' })
  notifyBy!: string | null;
}

export class ExportAttachmentDto {
  @ApiProperty() fileName!: string;
  @ApiProperty() mimeType!: string;
  @ApiProperty({ type: 'integer' }) size!: number;
  @ApiProperty({ type: String, format: 'date-time' }) uploadedAt!: string;
}

export class ExportTimelineEventDto {
  @ApiProperty({ example: 'RECEIVED' }) type!: string;
  @ApiProperty({ example: 'Pengaduan diterima' }) label!: string;
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Petugas (nama pengguna)' }) actor!:
    | string
    | null;
}

export class ExportNotificationDto {
  @ApiProperty() kind!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() body!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ type: String, nullable: true }) channel!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Alamat/nomor tujuan' }) deliveredTo!:
    | string
    | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
}

export class ExportSatisfactionDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 4 }) score!: number;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) ratedAt!: string;
}

export class ExportObjectionDto {
  @ApiProperty({ type: String, format: 'date-time' }) filedAt!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Petugas loket yang mencatat' })
  filedBy!: string | null;
}

export class ExportAccessDto {
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
  @ApiProperty() username!: string;
  @ApiProperty() role!: string;
  @ApiProperty({ type: String, nullable: true }) unit!: string | null;
  @ApiProperty({ type: [String], example: ['Nama', 'NIK'] }) fields!: string[];
  @ApiProperty({ example: 'GET /api/complaints/:id' }) endpoint!: string;
}

export class ExportComplaintDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() registerNumber!: string;
  @ApiProperty() trackingCode!: string;
  @ApiProperty() channel!: string;
  @ApiProperty() identityMode!: string;
  @ApiProperty({ type: [String] }) matchedBy!: string[];
  @ApiProperty({ type: String, format: 'date-time' }) receivedAt!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: ExportIdentityDto }) complainant!: ExportIdentityDto;
  @ApiProperty({ type: String, nullable: true }) licensingService!: string | null;
  @ApiProperty() description!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Lokasi dalam kata-kata' })
  locationAddress!: string | null;
  @ApiProperty({ type: Number, nullable: true }) latitude!: number | null;
  @ApiProperty({ type: Number, nullable: true }) longitude!: number | null;
  @ApiProperty({ type: [String], description: 'Bukti awal (uraian atau nama berkas)' }) evidence!: string[];
  @ApiProperty({ type: [ExportAttachmentDto] }) attachments!: ExportAttachmentDto[];
  @ApiProperty({ type: String, nullable: true }) response!: string | null;
  @ApiProperty({ type: String, nullable: true }) rejectionReason!: string | null;
  @ApiProperty({ type: String, nullable: true }) privacyNoticeVersion!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) privacyAcknowledgedAt!: string | null;
  @ApiProperty({ type: [ExportTimelineEventDto] }) timeline!: ExportTimelineEventDto[];
  @ApiProperty({ type: [ExportNotificationDto], description: 'Pemberitahuan kepada pengadu' })
  notifications!: ExportNotificationDto[];
  @ApiProperty({ type: ExportSatisfactionDto, nullable: true }) satisfaction!: ExportSatisfactionDto | null;
  @ApiProperty({ type: ExportObjectionDto, nullable: true }) objection!: ExportObjectionDto | null;
  @ApiProperty({ type: [ExportAccessDto], description: 'Siapa membaca data pribadinya tanpa disamarkan' })
  accessLog!: ExportAccessDto[];
}

export class PersonalDataExportDto {
  @ApiProperty({ type: String, format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ example: 'admin' }) generatedBy!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Kunci pencarian, disamarkan',
  })
  keys!: Record<string, string>;
  @ApiProperty({ type: [ExportComplaintDto] }) complaints!: ExportComplaintDto[];
  @ApiProperty({ format: 'uuid' }) requestId!: string;
}
