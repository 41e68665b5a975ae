/**
 * Response shapes of the complaint read and action endpoints. They are classes (not interfaces) so
 * @nestjs/swagger can describe them in the OpenAPI document a generated client relies on.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COMPLAINT_STATUSES, DECISIONS } from '../../../workflows/complaint/definitions';
import { CATEGORIES } from '../../domain/categories';
import { CHANNELS } from '../../domain/channels';
import { IDENTITY_MODES } from '../../domain/identity-mode';
import { STAGES } from '../../domain/stage-deadlines';
import { UNITS } from '../../domain/units';
import { ForwardedView } from './forwarding.views';
import { ObjectionView } from './objection.dto';

const TASK_STATUSES = ['OPEN', 'DONE'] as const;
const WAITING_FOR = ['TRIAGE', 'TASKS', 'DECISION', 'RESPONSE', 'NOTHING'] as const;

/** Every error body of the API. */
export class ErrorBodyView {
  @ApiProperty({ type: 'integer', example: 404 }) statusCode!: number;
  @ApiProperty({ example: 'Not Found' }) error!: string;
  @ApiProperty({ example: 'Pengaduan tidak ditemukan.', description: 'Pesan dalam Bahasa Indonesia' })
  message!: string;
}

export class LocationView {
  @ApiProperty({ example: '16.74.01', nullable: true, type: String }) kecamatan!: string | null;
  @ApiProperty({ example: '16.74.01.1007', nullable: true, type: String }) kelurahan!: string | null;
}

/**
 * The complainant as a list shows them: the NIK always masked (first 4 and last 2 digits), the name in
 * full only for callers who may see the complaint's personal data, masked otherwise ("B*** S******").
 */
export class ComplainantSummaryView {
  @ApiProperty({
    example: 'B*** S******',
    description:
      'Nama pengadu; tersamar (huruf pertama tiap kata) bagi yang tidak berhak melihat data pribadi',
  })
  name!: string;
  @ApiProperty({
    example: '1674**********01',
    nullable: true,
    type: String,
    description: 'NIK tersamar (paling banyak 4 digit awal dan 2 digit akhir terlihat)',
  })
  nik!: string | null;
}

/**
 * The complainant on the detail page. Name, NIK, address, phone and email are shown in full only to
 * the handling units and admins; others get the name and NIK masked and the rest null.
 */
export class ComplainantView extends ComplainantSummaryView {
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
}

/** The fields every complaint shape has. */
export class ComplaintBaseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2026/11/0042' }) registerNumber!: string;
  @ApiProperty({ example: 'K7QX2M9TPA' }) trackingCode!: string;
  @ApiProperty({ enum: CHANNELS, enumName: 'Channel' }) channel!: string;
  @ApiProperty({
    enum: CATEGORIES,
    enumName: 'Category',
    nullable: true,
    description: 'Kosong sebelum triase',
  })
  category!: string | null;
  @ApiProperty({
    enum: COMPLAINT_STATUSES,
    enumName: 'ComplaintStatus',
    description:
      'Pada daftar: dari catatan. Pada rincian: dari proses (live) bila tersedia, selain itu dari catatan.',
  })
  status!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) dueAt!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ type: LocationView }) location!: LocationView;
  @ApiProperty({
    enum: IDENTITY_MODES,
    enumName: 'IdentityMode',
    description:
      'BIASA, RAHASIA (identitas hanya untuk Seksi Pengaduan, Kabid Pengaduan dan admin; selain itu "Dirahasiakan") atau ANONIM (tanpa identitas; nama "Anonim")',
  })
  identityMode!: string;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Kapan pengadu mengajukan keberatan (pengaduan dibuka kembali); kosong bila tidak ada',
  })
  objectedAt!: string | null;
}

export class ComplaintSummaryView extends ComplaintBaseView {
  @ApiProperty({ type: ComplainantSummaryView }) complainant!: ComplainantSummaryView;
}

export class ComplaintListView {
  @ApiProperty({ type: [ComplaintSummaryView] }) items!: ComplaintSummaryView[];
  @ApiProperty({ type: 'integer', example: 42 }) total!: number;
  @ApiProperty({ type: 'integer', example: 1 }) page!: number;
  @ApiProperty({ type: 'integer', example: 20 }) pageSize!: number;
}

export class TaskView {
  @ApiProperty({ example: '0b7c4e2a-5f0d-4a43-9a0e-8f1d2c3b4a5e:1:SEKSI_KEBIJAKAN' }) id!: string;
  @ApiProperty({ format: 'uuid' }) complaintId!: string;
  @ApiProperty({ enum: UNITS, enumName: 'Unit' }) unit!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Kode wilayah untuk tugas KECAMATAN/KELURAHAN',
  })
  area!: string | null;
  @ApiProperty({
    type: 'integer',
    example: 1,
    description: 'Putaran penanganan (naik setiap kajian lebih lanjut)',
  })
  round!: number;
  @ApiProperty({ enum: TASK_STATUSES, enumName: 'TaskStatus' }) status!: string;
  @ApiProperty({ nullable: true, type: String }) outcome!: string | null;
  @ApiProperty({ nullable: true, type: String }) notes!: string | null;
  @ApiProperty({ nullable: true, type: String }) completedBy!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) completedAt!: string | null;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description:
      'Batas waktu tugas ini (tahap unit, hari kerja sejak tugas dibuka); kosong untuk pengaduan sebelum batas waktu tahap',
  })
  dueAt!: string | null;
  @ApiProperty({
    description: 'Batas waktu tugas terlewati: masih terbuka sesudahnya, atau selesai sesudahnya',
  })
  stageBreached!: boolean;
}

/** A complaint's location with the areas' names (from the area master data). */
export class NamedLocationView {
  @ApiProperty({ example: '16.74.01', nullable: true, type: String }) kecamatan!: string | null;
  @ApiProperty({ example: 'Prabumulih Barat', nullable: true, type: String }) kecamatanName!: string | null;
  @ApiProperty({ example: '16.74.01.1007', nullable: true, type: String }) kelurahan!: string | null;
  @ApiProperty({ example: 'Patih Galung', nullable: true, type: String }) kelurahanName!: string | null;
}

/** What an inbox needs to know of the complaint a task belongs to, to pick up the work. */
export class TaskComplaintView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2026/11/0042' }) registerNumber!: string;
  @ApiProperty({ example: 'K7QX2M9TPA' }) trackingCode!: string;
  @ApiProperty({ enum: CATEGORIES, enumName: 'Category', nullable: true }) category!: string | null;
  @ApiProperty({ enum: COMPLAINT_STATUSES, enumName: 'ComplaintStatus' }) status!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'Izin Usaha Mikro Kecil (IUMK)',
    description: 'Layanan perizinan yang diadukan',
  })
  licensingService!: string | null;
  @ApiProperty({ type: NamedLocationView }) location!: NamedLocationView;
  @ApiProperty({
    example: 'Limbah cair pabrik tahu di belakang rumah mengalir ke sungai sejak izin usahanya terbit.',
    description: 'Awal uraian pengaduan (paling banyak 160 karakter, diakhiri … bila terpotong)',
  })
  shortDescription!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) dueAt!: string | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 7,
    description:
      'Sisa hari kerja sampai batas waktu (WIB, tanpa Sabtu, Minggu, libur nasional dan cuti bersama): ' +
      '10 pada hari diterima, 0 pada hari batas waktu, negatif = hari kerja keterlambatan',
  })
  workingDaysLeft!: number | null;
  @ApiProperty({ description: 'Melewati batas waktu dan belum ditanggapi' }) overdue!: boolean;
  @ApiProperty({ enum: IDENTITY_MODES, enumName: 'IdentityMode' }) identityMode!: string;
}

export class InboxTaskView extends TaskView {
  @ApiProperty({ type: TaskComplaintView }) complaint!: TaskComplaintView;
}

export class TaskListView {
  @ApiProperty({ type: [InboxTaskView] }) items!: InboxTaskView[];
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: 'integer' }) page!: number;
  @ApiProperty({ type: 'integer' }) pageSize!: number;
}

export class DecisionView {
  @ApiProperty() id!: string;
  @ApiProperty({ type: 'integer' }) round!: number;
  @ApiProperty({ format: 'date-time' }) escalatedAt!: string;
  @ApiProperty({
    enum: DECISIONS,
    enumName: 'DecisionKind',
    nullable: true,
    description: 'Kosong selama belum diputuskan',
  })
  decision!: string | null;
  @ApiProperty({ nullable: true, type: String }) notes!: string | null;
  @ApiProperty({ enum: UNITS, enumName: 'Unit', isArray: true, nullable: true }) units!: string[] | null;
  @ApiProperty({ nullable: true, type: String }) decidedBy!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) decidedAt!: string | null;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description:
      'Batas waktu keputusan (hari kerja sejak eskalasi); kosong untuk pengaduan sebelum batas waktu tahap',
  })
  dueAt!: string | null;
  @ApiProperty({ description: 'Batas waktu keputusan terlewati' }) stageBreached!: boolean;
}

export class TimelineEventView {
  @ApiProperty({ example: 'TRIAGED' }) type!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Nama pengguna; kosong untuk sistem' })
  actor!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  details!: Record<string, unknown> | null;
}

/** A task as the workflow holds it (the `live` state). */
export class LiveTaskView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: UNITS, enumName: 'Unit' }) unit!: string;
  @ApiProperty({ nullable: true, type: String }) area!: string | null;
  @ApiProperty({ type: 'integer' }) round!: number;
  @ApiProperty({ enum: TASK_STATUSES, enumName: 'TaskStatus' }) status!: string;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiPropertyOptional() outcome?: string;
  @ApiPropertyOptional() notes?: string;
  @ApiPropertyOptional() completedBy?: string;
  @ApiPropertyOptional({ format: 'date-time' }) completedAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Batas waktu tugas' }) dueAt?: string;
  @ApiPropertyOptional({ description: 'Batas waktu tugas terlewati selagi terbuka' }) breached?: boolean;
}

export class LiveDecisionView {
  @ApiProperty({ type: 'integer' }) round!: number;
  @ApiProperty({ format: 'date-time' }) escalatedAt!: string;
  @ApiPropertyOptional({ enum: DECISIONS, enumName: 'DecisionKind' }) decision?: string;
  @ApiPropertyOptional() notes?: string;
  @ApiPropertyOptional({ enum: UNITS, enumName: 'Unit', isArray: true }) units?: string[];
  @ApiPropertyOptional() decidedBy?: string;
  @ApiPropertyOptional({ format: 'date-time' }) decidedAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Batas waktu keputusan' }) dueAt?: string;
  @ApiPropertyOptional({ description: 'Batas waktu keputusan terlewati' }) breached?: boolean;
}

/** A stage whose deadline passed before it was done. */
export class StageBreachView {
  @ApiProperty({ enum: STAGES, enumName: 'Stage' }) stage!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ format: 'date-time', description: 'Saat terlewatinya dicatat' }) at!: string;
  @ApiPropertyOptional() taskId?: string;
  @ApiPropertyOptional({ enum: UNITS, enumName: 'Unit' }) unit?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) area?: string | null;
  @ApiPropertyOptional({ type: 'integer' }) round?: number;
}

/** The workflow's `state` query: the live truth of the process. */
export class LiveStateView {
  @ApiProperty({ format: 'uuid' }) complaintId!: string;
  @ApiProperty() registerNumber!: string;
  @ApiProperty({ enum: CHANNELS, enumName: 'Channel' }) channel!: string;
  @ApiProperty({ enum: COMPLAINT_STATUSES, enumName: 'ComplaintStatus' }) status!: string;
  @ApiProperty({ enum: WAITING_FOR, enumName: 'WaitingFor' }) waitingFor!: string;
  @ApiProperty({ format: 'date-time' }) waitingSince!: string;
  @ApiProperty({ enum: CATEGORIES, enumName: 'Category', nullable: true }) category!: string | null;
  @ApiProperty({ type: LocationView, nullable: true }) location!: LocationView | null;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ type: 'integer' }) round!: number;
  @ApiProperty({ type: [LiveTaskView] }) tasks!: LiveTaskView[];
  @ApiProperty({ type: [LiveDecisionView] }) decisions!: LiveDecisionView[];
  @ApiPropertyOptional() response?: string;
  @ApiPropertyOptional() respondedBy?: string;
  @ApiPropertyOptional() rejectionReason?: string;
  @ApiPropertyOptional({ description: 'Batas waktu dihitung dengan daftar libur cadangan' })
  calendarWarning?: string;
  @ApiPropertyOptional({ type: ForwardedView, description: 'Bila diteruskan ke instansi lain' })
  forwarded?: ForwardedView;
  @ApiPropertyOptional({ format: 'date-time', description: 'Batas waktu triase' }) triageDueAt?: string;
  @ApiPropertyOptional({ type: [StageBreachView], description: 'Tahap yang melewati batas waktunya' })
  stageBreaches?: StageBreachView[];
  @ApiPropertyOptional({ type: [String], description: 'Peringatan dini terkirim: <persen>@<batas waktu>' })
  earlyWarnings?: string[];
}

/** The official of eselon IV or higher who received a face-to-face complaint (SOP C.1.a). */
export class ReceivingOfficialView {
  @ApiProperty({ example: 'pengaduan' }) username!: string;
  @ApiProperty({ example: 'Kasi Pengaduan dan Informasi Layanan', description: 'Nama saat menerima' })
  name!: string;
  @ApiProperty({ nullable: true, type: String, example: 'IV', description: 'Eselon saat menerima' })
  eselon!: string | null;
}

/** A complaint created through Open311 GeoReport v2 (source OPEN311): what its client sent besides the form. */
export class Open311OriginView {
  @ApiProperty({ example: 'Aplikasi Prabumulih Smart City', description: 'Aplikasi klien (nama kunci API)' })
  client!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'SEDANG',
    description: 'Kategori (service_code) yang diajukan klien; triase yang memutuskan',
  })
  requestedCategory!: string | null;
  @ApiProperty({ nullable: true, type: Number, example: -3.4321 }) latitude!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 104.2355 }) longitude!: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'Lokasi dalam kata-kata (address_string)' })
  address!: string | null;
}

/** The privacy notice the complainant acknowledged at intake. */
export class PrivacyAcknowledgmentView {
  @ApiProperty({ example: '2026-12-02' }) version!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) acknowledgedAt!: string | null;
}

export class ComplaintDetailView extends ComplaintBaseView {
  @ApiProperty({ type: ComplainantView }) complainant!: ComplainantView;
  @ApiProperty({
    description:
      'Benar bila pemanggil boleh melihat data pribadi pengadu (nama lengkap, NIK, alamat, telepon, email, berkas bukti)',
  })
  personalDataVisible!: boolean;
  @ApiProperty({
    description:
      'Benar bila pemanggil melihat identitas pengadu apa adanya; salah bila tersamar, "Dirahasiakan" (RAHASIA) atau tidak ada (ANONIM). Berkas bukti tetap mengikuti personalDataVisible.',
  })
  identityVisible!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Layanan perizinan yang diadukan' })
  licensingService!: string | null;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [String] }) evidence!: string[];
  @ApiProperty({ nullable: true, type: String, description: 'Pengguna yang mencatat pengaduan' })
  receivedBy!: string | null;
  @ApiProperty({
    type: ReceivingOfficialView,
    nullable: true,
    description: 'Tatap muka: pejabat minimal eselon IV yang menerima pengadu; kosong untuk media lain',
  })
  receivingOfficial!: ReceivingOfficialView | null;
  @ApiProperty({
    type: Open311OriginView,
    nullable: true,
    description: 'Pengaduan dari Open311 GeoReport v2: aplikasi klien, kategori yang diajukan, koordinat',
  })
  open311!: Open311OriginView | null;
  @ApiProperty({ nullable: true, type: String, description: 'Tanggapan akhir' }) response!: string | null;
  @ApiProperty({ nullable: true, type: String }) respondedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) rejectionReason!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt!: string | null;
  @ApiProperty({
    type: ForwardedView,
    nullable: true,
    description: 'Bila pengaduan diteruskan ke instansi lain (bukan wewenang): ke mana, mengapa, nomor surat',
  })
  forwarded!: ForwardedView | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description:
      'Hari kerja tersisa sampai batas waktu (WIB, dengan hari libur): 0 pada hari batas, negatif bila terlambat; kosong bila pengaduan sudah selesai',
  })
  workingDaysLeft!: number | null;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description:
      'Batas waktu triase (hari kerja sejak diterima); kosong untuk pengaduan sebelum batas waktu tahap',
  })
  triageDueAt!: string | null;
  @ApiProperty({
    type: PrivacyAcknowledgmentView,
    nullable: true,
    description:
      'Versi Pemberitahuan Pelindungan Data Pribadi yang disetujui pengadu dan kapan; kosong untuk pengaduan sebelum pemberitahuan ada',
  })
  privacyNotice!: PrivacyAcknowledgmentView | null;
  @ApiProperty({ type: [TaskView] }) tasks!: TaskView[];
  @ApiProperty({ type: [DecisionView] }) decisions!: DecisionView[];
  @ApiProperty({ type: [TimelineEventView] }) timeline!: TimelineEventView[];
  @ApiProperty({
    type: LiveStateView,
    nullable: true,
    description: 'Keadaan proses dari Temporal; kosong bila mesin proses tidak dapat dihubungi',
  })
  live!: LiveStateView | null;
  @ApiPropertyOptional({ description: 'Mengapa `live` kosong' })
  liveNote?: string;
  @ApiProperty({
    type: ObjectionView,
    nullable: true,
    description: 'Keberatan pengadu dan tanggapan/penolakan yang dikesampingkannya, bila ada',
  })
  objection!: ObjectionView | null;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Sampai kapan pengadu masih dapat mengajukan keberatan; kosong bila tidak dapat',
  })
  objectionOpenUntil!: string | null;
}
