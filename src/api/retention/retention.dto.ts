import { ApiProperty } from '@nestjs/swagger';
import { CLOSED_STATUSES } from '../../domain/complaint-rules';

/** A complaint whose complainant's personal data are due for anonymisation (no personal data shown). */
export class RetentionDueComplaintDto {
  @ApiProperty({ example: '2020/11/0007' }) registerNumber!: string;
  @ApiProperty({ enum: CLOSED_STATUSES, enumName: 'ClosedStatus' }) status!: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'Kapan pengaduan selesai' })
  closedAt!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'Kapan masa retensinya berakhir (tanggal selesai ditambah masa retensi)',
  })
  dueSince!: string;
  @ApiProperty({ description: 'Jumlah berkas bukti yang akan dihapus' }) files!: number;
}

/** The log rows past their retention: counted by the preview, deleted by a run. */
export class ExpiredLogsDto {
  @ApiProperty({
    description: 'Masa simpan log, tahun (LOG_RETENTION_YEARS); kunci Idempotency disimpan 30 hari',
  })
  years!: number;
  @ApiProperty({ description: 'Catatan akses data pribadi (personal_data_access)' })
  personalDataAccess!: number;
  @ApiProperty({ description: 'Catatan permintaan subjek data (data_subject_request)' })
  dataSubjectRequests!: number;
  @ApiProperty({ description: 'Peristiwa keamanan akun: masuk, terkunci, perubahan akun (security_event)' })
  securityEvents!: number;
  @ApiProperty({ description: 'Kunci Idempotency pendaftaran pengaduan (idempotency_record)' })
  idempotencyRecords!: number;
}

/** What a retention run would anonymise now (dry run): nothing is changed. */
export class RetentionPreviewDto {
  @ApiProperty({ type: String, format: 'date-time', description: 'Saat pratinjau dihitung' }) at!: string;
  @ApiProperty({
    description: 'Masa retensi data pribadi, tahun setelah pengaduan selesai (PERSONAL_DATA_RETENTION_YEARS)',
  })
  years!: number;
  @ApiProperty({ description: 'Jumlah pengaduan yang akan dianonimkan' }) total!: number;
  @ApiProperty({ description: 'Jumlah berkas bukti yang akan dihapus' }) files!: number;
  @ApiProperty({ type: [RetentionDueComplaintDto], description: 'Urut menurut tanggal selesai' })
  complaints!: RetentionDueComplaintDto[];
  @ApiProperty({ type: ExpiredLogsDto, description: 'Baris log yang akan dihapus' })
  logs!: ExpiredLogsDto;
}

/** What a retention run did. */
export class RetentionRunDto {
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'Masa retensi yang diterapkan, tahun' }) years!: number;
  @ApiProperty({ description: 'Jumlah pengaduan yang dianonimkan oleh permintaan ini' }) anonymised!: number;
  @ApiProperty({ type: [String], description: 'Nomor register pengaduan yang dianonimkan' })
  registerNumbers!: string[];
  @ApiProperty({ description: 'Jumlah berkas bukti yang dihapus' }) removedFiles!: number;
  @ApiProperty({ type: ExpiredLogsDto, description: 'Baris log yang dihapus oleh permintaan ini' })
  deletedLogs!: ExpiredLogsDto;
}
