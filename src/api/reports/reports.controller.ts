import { applyDecorators, Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { monthlyPeriod, semesterPeriod } from '../../domain/reporting';
import { Allow, CurrentUser } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import {
  FormatQueryDto,
  MonthlyQueryDto,
  ProduceReportDto,
  RecapReportView,
  SemesterQueryDto,
  StoredReportView,
} from './reports.dto';
import { REPORT_CONTENT_TYPES, type ReportFile, ReportsService } from './reports.service';

/**
 * What a report endpoint answers, by its `format` query: the report as JSON (the default), or the
 * same report as a PDF or XLSX file (an attachment; fetch it with the bearer token).
 */
const ProducesReportFormats = () => {
  const file = { type: 'string', format: 'binary' } as const;
  return applyDecorators(
    ApiExtraModels(RecapReportView),
    ApiOkResponse({
      description: 'format=json (bawaan): rekap sebagai JSON; format=pdf atau format=xlsx: berkas unduhan',
      content: {
        'application/json': { schema: { $ref: getSchemaPath(RecapReportView) } },
        [REPORT_CONTENT_TYPES.pdf]: { schema: file },
        [REPORT_CONTENT_TYPES.xlsx]: { schema: file },
      },
    }),
  );
};

function send(res: Response, file: ReportFile): void {
  if (!file.contentType) {
    res.json(file.body);
    return;
  }
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
  res.send(file.body);
}

/** Recap reports (SOP section D): Seksi Pelaporan compiles them; leaders read them. */
@ApiTags('reports')
@ApiBearerAuth()
@Allow({ roles: ['ADMIN', 'KEPALA_DAERAH'], units: ['SEKSI_PELAPORAN', 'KABID_PENGADUAN', 'KEPALA_DINAS'] })
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('monthly')
  @ApiOperation({ summary: 'Rekap satu bulan, dihitung saat diminta (JSON, XLSX atau PDF)' })
  @ProducesReportFormats()
  async monthly(@Query() q: MonthlyQueryDto, @Res() res: Response): Promise<void> {
    send(res, await this.reports.forPeriod(monthlyPeriod(q.year, q.month), q.format ?? 'json'));
  }

  @Get('semester')
  @ApiOperation({ summary: 'Rekap satu semester (1 = Januari-Juni, 2 = Juli-Desember)' })
  @ProducesReportFormats()
  async semester(@Query() q: SemesterQueryDto, @Res() res: Response): Promise<void> {
    send(res, await this.reports.forPeriod(semesterPeriod(q.year, q.half), q.format ?? 'json'));
  }

  @Get()
  @ApiOperation({ summary: 'Laporan yang tersimpan (terjadwal atau dibuat atas permintaan), terbaru dahulu' })
  @ApiOkResponse({ type: [StoredReportView] })
  list(): Promise<StoredReportView[]> {
    return this.reports.list();
  }

  @Post()
  @HttpCode(201)
  @Allow({ roles: ['ADMIN'], units: ['SEKSI_PELAPORAN'] })
  @ApiOperation({ summary: 'Buat dan simpan laporan satu periode sekarang (tanpa pengiriman ke Sekda)' })
  @ApiCreatedResponse({ type: StoredReportView })
  produce(@Body() body: ProduceReportDto, @CurrentUser() user: Principal): Promise<StoredReportView> {
    return this.reports.produce(body, user);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Unduh laporan tersimpan (JSON, XLSX atau PDF)' })
  @ProducesReportFormats()
  async download(@Param('id') id: string, @Query() q: FormatQueryDto, @Res() res: Response): Promise<void> {
    send(res, await this.reports.stored(id, q.format ?? 'json'));
  }
}
