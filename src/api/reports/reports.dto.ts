import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ApiSchemaRule } from '../common/openapi';

export const REPORT_FORMATS = ['json', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export class FormatQueryDto {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: 'Format wajib json, xlsx atau pdf.' })
  format?: ReportFormat;
}

export class YearQueryDto extends FormatQueryDto {
  @ApiProperty({ type: 'integer', example: 2026 })
  @Type(() => Number)
  @IsInt({ message: 'Tahun (year) wajib bilangan bulat.' })
  @Min(2020, { message: 'Tahun (year) paling awal 2020.' })
  @Max(2100, { message: 'Tahun (year) paling akhir 2100.' })
  year!: number;
}

export class MonthlyQueryDto extends YearQueryDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 12, example: 10 })
  @Type(() => Number)
  @IsInt({ message: 'Bulan (month) wajib bilangan bulat 1-12.' })
  @Min(1, { message: 'Bulan (month) wajib 1-12.' })
  @Max(12, { message: 'Bulan (month) wajib 1-12.' })
  month!: number;
}

export class SemesterQueryDto extends YearQueryDto {
  @ApiProperty({ type: 'integer', enum: [1, 2], description: '1 = Januari-Juni, 2 = Juli-Desember' })
  @Type(() => Number)
  @IsIn([1, 2], { message: 'Semester (half) wajib 1 atau 2.' })
  half!: number;
}

/** ReportsService.produce: a semester is 1 or 2. */
@ApiSchemaRule({
  oneOf: [
    { properties: { kind: { enum: ['MONTHLY'] } } },
    { properties: { kind: { enum: ['SEMESTER'] }, index: { maximum: 2 } } },
  ],
})
export class ProduceReportDto {
  @ApiProperty({ enum: ['MONTHLY', 'SEMESTER'] })
  @IsIn(['MONTHLY', 'SEMESTER'], { message: 'Jenis laporan (kind) wajib MONTHLY atau SEMESTER.' })
  kind!: 'MONTHLY' | 'SEMESTER';

  @ApiProperty({ type: 'integer', example: 2026 })
  @IsInt({ message: 'Tahun (year) wajib bilangan bulat.' })
  @Min(2020, { message: 'Tahun (year) paling awal 2020.' })
  @Max(2100, { message: 'Tahun (year) paling akhir 2100.' })
  year!: number;

  @ApiProperty({ type: 'integer', description: 'Bulan 1-12 (MONTHLY) atau semester 1-2 (SEMESTER)' })
  @IsInt({ message: 'Periode (index) wajib bilangan bulat.' })
  @Min(1, { message: 'Periode (index) paling kecil 1.' })
  @Max(12, { message: 'Periode (index) paling besar 12.' })
  index!: number;
}

export class StoredReportView {
  @ApiProperty({ example: 'BULANAN-2026-10' }) id!: string;
  @ApiProperty({ enum: ['MONTHLY', 'SEMESTER'] }) kind!: string;
  @ApiProperty({ example: 'Oktober 2026' }) label!: string;
  @ApiProperty() periodFrom!: string;
  @ApiProperty() periodTo!: string;
  @ApiProperty() generatedAt!: string;
  @ApiProperty({ example: 'JADWAL', description: 'JADWAL (terjadwal) atau nama pengguna' })
  generatedBy!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Kapan dikirim ke Sekda untuk Wali Kota' })
  sentToSekdaAt!: string | null;
}

// The recap report as JSON (src/reports/recap-report.ts RecapReport), for typed clients.

export class CountByView {
  @ApiProperty({ example: 'EMAIL' }) key!: string;
  @ApiProperty({ type: 'integer', example: 4 }) count!: number;
}

export class RecapOutcomeView {
  @ApiProperty({ type: 'integer', description: 'Selesai dalam 10 hari kerja' }) resolvedOnTime!: number;
  @ApiProperty({ type: 'integer', description: 'Selesai melewati batas waktu' }) resolvedLate!: number;
  @ApiProperty({ type: 'integer', description: 'Masih terbuka' }) open!: number;
  @ApiProperty({ type: 'integer', description: 'Ditolak pada triase' }) rejected!: number;
  @ApiProperty({
    type: 'integer',
    description: 'Diteruskan ke instansi lain (bukan wewenang); dihitung terpisah',
  })
  forwarded!: number;
}

export class RecapDurationView {
  @ApiProperty({ type: Number, nullable: true, description: 'Rata-rata hari kerja sampai selesai' })
  average!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Median hari kerja sampai selesai' })
  median!: number | null;
}

export class RecapUnitView {
  @ApiProperty({ example: 'SEKSI_PENGADUAN' }) unit!: string;
  @ApiProperty({ type: 'integer', description: 'Tugas diterima' }) received!: number;
  @ApiProperty({ type: 'integer', description: 'Tugas diselesaikan' }) completed!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Median hari kerja penyelesaian tugas' })
  medianWorkingDays!: number | null;
}

export class RecapBeratView {
  @ApiProperty({ type: 'integer', description: 'Pengaduan BERAT' }) cases!: number;
  @ApiProperty({ type: [CountByView], description: 'Keputusan Kepala Daerah (MENUNGGU: belum ada)' })
  decisions!: CountByView[];
}

export class RecapTrendView {
  @ApiProperty({ example: '2026-10' }) month!: string;
  @ApiProperty({ type: 'integer' }) received!: number;
  @ApiProperty({ type: 'integer' }) resolvedOnTime!: number;
  @ApiProperty({ type: 'integer' }) resolvedLate!: number;
}

export class RecapComplaintView {
  @ApiProperty({ example: '2026/10/0042' }) registerNumber!: string;
  @ApiProperty({ type: String, format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ example: 'EMAIL' }) channel!: string;
  @ApiProperty({ type: String, nullable: true, example: 'RINGAN' }) category!: string | null;
  @ApiProperty({ example: 'RESOLVED' }) status!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({
    description:
      'Melewati batas waktu: selesai setelah batas waktu, atau masih terbuka dan batas waktunya lewat saat laporan dibuat',
  })
  overdue!: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Tanggapan, alasan penolakan, atau instansi tujuan dan alasan penerusan',
  })
  followUp!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pokok pengaduan: awal uraian (paling banyak 140 karakter)',
  })
  summary!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Prabumulih Barat', description: 'Nama kecamatan' })
  kecamatan!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Patih Galung', description: 'Nama kelurahan/desa' })
  kelurahan!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Tindak lanjut terakhir pada riwayat (triase, tugas unit selesai beserta hasilnya, keputusan, tanggapan); kosong bila belum ada',
  })
  latestFollowUp!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) latestFollowUpAt!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Kapan pengadu mengajukan keberatan (pengaduan dibuka kembali); kosong bila tidak ada',
  })
  objectedAt!: string | null;
}

export class RecapObjectionMonthView {
  @ApiProperty({ example: '2026-10' }) month!: string;
  @ApiProperty({ type: 'integer' }) count!: number;
}

export class RecapObjectionsView {
  @ApiProperty({
    type: 'integer',
    description: 'Keberatan yang diajukan dalam periode (menurut tanggal pengajuan, WIB)',
  })
  filed!: number;
  @ApiProperty({ type: [RecapObjectionMonthView], description: 'Per bulan periode, termasuk yang nol' })
  byMonth!: RecapObjectionMonthView[];
  @ApiProperty({
    type: [CountByView],
    description: 'Keberatan atas apa: RESOLVED (tanggapan) atau REJECTED (penolakan)',
  })
  byPreviousStatus!: CountByView[];
}

export class RecapStageView {
  @ApiProperty({ enum: ['RECEIVED', 'IN_PROGRESS', 'AWAITING_DECISION', 'AWAITING_RESPONSE'] })
  status!: string;
  @ApiProperty({ example: 'Menunggu triase' }) label!: string;
  @ApiProperty({ type: 'integer' }) count!: number;
}

export class RecapOpenCasesView {
  @ApiProperty({ type: 'integer', description: 'Pengaduan masih terbuka (sama dengan outcome.open)' })
  total!: number;
  @ApiProperty({
    type: 'integer',
    description: 'Pengaduan terbuka yang sudah melewati batas waktu saat laporan dibuat',
  })
  overdue!: number;
  @ApiProperty({
    type: [RecapStageView],
    description: 'Pengaduan terbuka per tahap (setiap status terbuka, berurutan, termasuk yang nol)',
  })
  byStage!: RecapStageView[];
}

export class SatisfactionScoreCountView {
  @ApiProperty({ type: 'integer', enum: [1, 2, 3, 4], example: 4 }) score!: number;
  @ApiProperty({ example: 'Sangat baik' }) label!: string;
  @ApiProperty({ type: 'integer', example: 3 }) count!: number;
}

export class SatisfactionSummaryView {
  @ApiProperty({ type: 'integer', description: 'Jumlah penilaian' }) count!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Rata-rata nilai 1-4 (dua desimal)' })
  average!: number | null;
  @ApiProperty({ type: [SatisfactionScoreCountView], description: 'Jumlah penilaian per nilai 1-4' })
  distribution!: SatisfactionScoreCountView[];
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Indeks gaya IKM: rata-rata x 25 (25-100, dua desimal)',
  })
  index!: number | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['A', 'B', 'C', 'D'],
    description:
      'Mutu pelayanan menurut PermenPANRB 14/2017 (A Sangat baik, B Baik, C Kurang baik, D Tidak baik)',
  })
  grade!: 'A' | 'B' | 'C' | 'D' | null;
}

export class SatisfactionMonthView extends SatisfactionSummaryView {
  @ApiProperty({ example: '2026-10' }) month!: string;
}

export class SatisfactionUnitView extends SatisfactionSummaryView {
  @ApiProperty({ example: 'SEKSI_PENGADUAN' }) unit!: string;
}

export class RecapSatisfactionView {
  @ApiProperty({ type: SatisfactionSummaryView, description: 'Semua penilaian yang diberikan dalam periode' })
  overall!: SatisfactionSummaryView;
  @ApiProperty({ type: [SatisfactionMonthView], description: 'Setiap bulan periode (termasuk yang nol)' })
  byMonth!: SatisfactionMonthView[];
  @ApiProperty({
    type: [SatisfactionUnitView],
    description: 'Setiap unit yang mendapat tugas pada pengaduan yang dinilai',
  })
  byUnit!: SatisfactionUnitView[];
}

export class RecapStageBreachView {
  @ApiProperty({ enum: ['TRIAGE', 'TASK', 'DECISION'] }) stage!: string;
  @ApiProperty({ example: 'Triase oleh Seksi Pengaduan' }) label!: string;
  @ApiProperty({ type: 'integer' }) count!: number;
}

export class RecapUnitBreachView {
  @ApiProperty({ example: 'TIM_TEKNIS' }) unit!: string;
  @ApiProperty({ type: 'integer' }) count!: number;
}

export class RecapStageBreachesView {
  @ApiProperty({ type: 'integer', description: 'Tahap yang melewati batas waktunya, seluruhnya' })
  total!: number;
  @ApiProperty({ type: [RecapStageBreachView], description: 'Per tahap (termasuk yang nol)' })
  byStage!: RecapStageBreachView[];
  @ApiProperty({ type: [RecapUnitBreachView], description: 'Tugas yang melewati batas waktunya, per unit' })
  byUnit!: RecapUnitBreachView[];
}

export class RecapReportView {
  @ApiProperty({ example: 'BULANAN-2026-10' }) id!: string;
  @ApiProperty({ enum: ['MONTHLY', 'SEMESTER'] }) kind!: 'MONTHLY' | 'SEMESTER';
  @ApiProperty({ example: 'Oktober 2026' }) label!: string;
  @ApiProperty({ type: 'integer', example: 2026 }) year!: number;
  @ApiProperty({ type: 'integer', description: 'Bulan 1-12 atau semester 1-2' }) index!: number;
  @ApiProperty({ type: String, format: 'date-time' }) from!: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'Akhir periode (tidak termasuk)' })
  to!: string;
  @ApiProperty({ type: String, format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: 'integer', description: 'Pengaduan diterima dalam periode' }) received!: number;
  @ApiProperty({ type: [CountByView] }) byChannel!: CountByView[];
  @ApiProperty({ type: [CountByView], description: 'Kunci BELUM_DITRIASE: belum ditriase' })
  byCategory!: CountByView[];
  @ApiProperty({ type: RecapOutcomeView }) outcome!: RecapOutcomeView;
  @ApiProperty({
    type: [CountByView],
    description:
      'Pengaduan yang diteruskan (outcome.forwarded) menurut kode instansi tujuan (GET /api/agencies), terbanyak dahulu',
  })
  forwardedTo!: CountByView[];
  @ApiProperty({ type: RecapOpenCasesView }) openCases!: RecapOpenCasesView;
  @ApiProperty({
    type: RecapStageBreachesView,
    description: 'Batas waktu tahap yang terlewati oleh pengaduan periode ini (saat laporan dibuat)',
  })
  stageBreaches!: RecapStageBreachesView;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Porsi pengaduan selesai yang dijawab dalam 10 hari kerja, 0..1',
  })
  slaCompliance!: number | null;
  @ApiProperty({ type: RecapDurationView }) resolutionWorkingDays!: RecapDurationView;
  @ApiProperty({ type: [RecapUnitView] }) units!: RecapUnitView[];
  @ApiProperty({ type: RecapBeratView }) berat!: RecapBeratView;
  @ApiProperty({ type: [RecapTrendView] }) trend!: RecapTrendView[];
  @ApiProperty({ type: [RecapComplaintView] }) complaints!: RecapComplaintView[];
  @ApiProperty({
    type: RecapSatisfactionView,
    description:
      'Kepuasan pengadu: penilaian (skala IKM 1-4) yang diberikan dalam periode, per bulan dan per unit',
  })
  satisfaction!: RecapSatisfactionView;
  @ApiProperty({
    type: RecapObjectionsView,
    nullable: true,
    description:
      'Keberatan (keberatan atas tanggapan/penolakan); kosong pada laporan yang disimpan sebelum keberatan dihitung',
  })
  objections!: RecapObjectionsView | null;
}
