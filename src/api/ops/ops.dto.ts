import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsIsoDateTime } from '../common/dates';

export const STUCK_KINDS = [
  'TRIAGE_LATE',
  'TASK_LATE',
  'DECISION_LATE',
  'OVERDUE',
  'FAILING_ACTIVITIES',
  'NOTIFICATION_FAILED',
  'HOLIDAY_LIST_MISSING',
  'STAGE_BREACHED',
] as const;
export type StuckKind = (typeof STUCK_KINDS)[number];

export class StuckQueryDto {
  @ApiPropertyOptional({
    description:
      'Evaluate the thresholds as of this moment (default: now), e.g. to see what will be stuck on Monday morning',
  })
  @IsOptional()
  @IsIsoDateTime({ message: 'asOf wajib berformat tanggal-waktu ISO 8601, mis. 2026-11-30T08:00:00+07:00.' })
  asOf?: string;
}

export class StuckCaseView {
  @ApiProperty({ enum: STUCK_KINDS, enumName: 'StuckKind' }) kind!: StuckKind;
  @ApiProperty({ example: 'pengaduan-2026-11-0042' }) workflowId!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) complaintId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2026/11/0042' }) registerNumber!:
    | string
    | null;
  @ApiPropertyOptional({ type: String, nullable: true }) status!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Since when the case has been in this situation',
  })
  since!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) dueAt!: string | null;
  @ApiProperty({ description: 'What is stuck, in Bahasa Indonesia' }) detail!: string;
  @ApiProperty({ description: "Link to the workflow's page in the Temporal Web UI" }) webUiUrl!: string;
}

export class StuckReportView {
  @ApiProperty() asOf!: string;
  @ApiProperty({ type: [StuckCaseView] }) items!: StuckCaseView[];
  @ApiProperty({
    description: 'The visibility queries used, to paste into the Web UI',
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  queries!: Record<string, string>;
}
