import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, CurrentUser } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { PaginationQueryDto } from '../complaints/complaint-query.dto';
import { ErrorBodyView } from '../complaints/complaint-views';
import {
  CorrectComplainantDto,
  CorrectionResultDto,
  DataSubjectRequestPageDto,
  EraseDto,
  ErasureResultDto,
  ExportDto,
  PersonComplaintsDto,
  PersonKeysDto,
} from './data-subject.dto';
import { DataSubjectService } from './data-subject.service';
import { PersonalDataExportDto } from './data-subject-export.dto';
import { renderPersonalDataPdf } from './personal-data-pdf';

/**
 * Data-subject requests (UU 27/2022): the admin finds, exports, corrects and erases a person's
 * personal data held in complaints. POST bodies keep NIKs and contacts out of URLs and access logs.
 * Every call is recorded (GET /api/data-subject/requests).
 */
@ApiTags('data-subject')
@ApiBearerAuth()
@Allow({ roles: ['ADMIN'] })
@ApiForbiddenResponse({ type: ErrorBodyView, description: 'Hanya admin.' })
@Controller('data-subject')
export class DataSubjectController {
  constructor(private readonly dataSubject: DataSubjectService) {}

  @Post('search')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cari semua pengaduan seseorang berdasarkan NIK, nomor telepon atau email' })
  @ApiOkResponse({ type: PersonComplaintsDto })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyView,
    description: 'Tidak ada kunci pencarian, atau NIK tidak sah',
  })
  search(@Body() body: PersonKeysDto, @CurrentUser() user: Principal): Promise<PersonComplaintsDto> {
    return this.dataSubject.search(body, user);
  }

  @Post('export')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Ekspor semua data yang disimpan tentang seseorang (berkas JSON atau PDF untuk dicetak)',
  })
  @ApiExtraModels(PersonalDataExportDto)
  @ApiOkResponse({
    description: 'format=json: berkas JSON (unduhan); format=pdf: dokumen PDF',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(PersonalDataExportDto) } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyView,
    description: 'Tidak ada kunci pencarian, atau NIK tidak sah',
  })
  async export(@Body() body: ExportDto, @CurrentUser() user: Principal, @Res() res: Response): Promise<void> {
    const data = await this.dataSubject.export(body, body.format, user);
    const stamp = data.generatedAt.slice(0, 10).replaceAll('-', '');
    if (body.format === 'pdf') {
      const pdf = await renderPersonalDataPdf(data);
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Disposition', `attachment; filename="data-pribadi-${stamp}.pdf"`);
      res.send(pdf);
      return;
    }
    res.setHeader('Content-Disposition', `attachment; filename="data-pribadi-${stamp}.json"`);
    res.json(data);
  }

  @Patch('complaints/:id')
  @ApiOperation({ summary: 'Perbaiki identitas dan kontak pengadu pada satu pengaduan' })
  @ApiOkResponse({ type: CorrectionResultDto })
  @ApiNotFoundResponse({ type: ErrorBodyView, description: 'Pengaduan tidak ditemukan' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyView,
    description:
      'Tidak ada data yang diperbaiki, pengaduan anonim atau sudah dianonimkan, atau aturan penerimaan menolak data baru',
  })
  correct(
    @Param('id') id: string,
    @Body() body: CorrectComplainantDto,
    @CurrentUser() user: Principal,
  ): Promise<CorrectionResultDto> {
    return this.dataSubject.correct(id, body, user);
  }

  @Post('erase')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Hapus (anonimkan) data pribadi seseorang pada pengaduan yang sudah selesai dan lewat masa keberatan; yang lain ditolak dengan alasannya',
  })
  @ApiOkResponse({ type: ErasureResultDto })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyView,
    description: 'Tidak ada kunci pencarian, atau NIK tidak sah',
  })
  erase(@Body() body: EraseDto, @CurrentUser() user: Principal): Promise<ErasureResultDto> {
    return this.dataSubject.erase(body, user);
  }

  @Get('requests')
  @ApiOperation({
    summary: 'Log permintaan subjek data (pencarian, ekspor, perbaikan, penghapusan), terbaru dahulu',
  })
  @ApiOkResponse({ type: DataSubjectRequestPageDto })
  list(@Query() query: PaginationQueryDto): Promise<DataSubjectRequestPageDto> {
    return this.dataSubject.list(query);
  }
}
