import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { OBJECTION_WINDOW_DAYS } from '../../domain/objection';
import { Allow, CurrentUser } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ComplaintQueryService } from './complaint-query.service';
import { ComplaintDetailView, ErrorBodyView } from './complaint-views';
import { OBJECTION_EXAMPLES, ObjectionDto } from './objection.dto';
import { ObjectionService } from './objection.service';

/** The front desk records a complainant's objection (keberatan) on their behalf. */
@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class ObjectionController {
  constructor(
    private readonly objections: ObjectionService,
    private readonly query: ComplaintQueryService,
  ) {}

  @Post(':id/objection')
  @HttpCode(201)
  @Allow({ units: ['LOKET', 'SEKSI_PENGADUAN'] })
  @ApiParam({ name: 'id', description: 'ID pengaduan atau nomor register (2026/12/0007)' })
  @ApiOperation({
    summary: 'Catat keberatan pengadu atas tanggapan atau penolakan',
    description: `Paling lambat ${OBJECTION_WINDOW_DAYS} hari kalender (WIB) setelah tanggapan atau penolakan, satu kali. Pengaduan dibuka kembali sebagai putaran baru kepada Seksi Pengaduan dengan batas waktu 10 hari kerja yang baru, dihitung dari keberatan.`,
  })
  @ApiBody({ type: ObjectionDto, examples: OBJECTION_EXAMPLES })
  @ApiCreatedResponse({
    type: ComplaintDetailView,
    description: 'Keberatan dicatat; pengaduan dibuka kembali',
  })
  @ApiBadRequestResponse({ type: ErrorBodyView, description: 'Alasan keberatan kosong atau terlalu panjang' })
  @ApiUnauthorizedResponse({ type: ErrorBodyView, description: 'Tanpa token atau token tidak valid' })
  @ApiForbiddenResponse({ type: ErrorBodyView, description: 'Hanya Petugas Loket dan Seksi Pengaduan' })
  @ApiNotFoundResponse({ type: ErrorBodyView, description: 'Pengaduan tidak ditemukan' })
  @ApiConflictResponse({
    type: ErrorBodyView,
    description: 'Pengaduan belum ditanggapi, atau keberatan sudah pernah diajukan',
  })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyView,
    description: `Lewat ${OBJECTION_WINDOW_DAYS} hari sejak tanggapan, atau alasan hanya berisi spasi`,
  })
  @ApiServiceUnavailableResponse({
    type: ErrorBodyView,
    description: 'Penanganan sebelumnya belum selesai dicatat di mesin proses; keberatan belum diterima',
  })
  async file(
    @Param('id') id: string,
    @Body() body: ObjectionDto,
    @CurrentUser() user: Principal,
  ): Promise<ComplaintDetailView> {
    const complaint = await this.query.findComplaintByIdOrNumber(id);
    await this.objections.file(complaint, body.reason, user.username);
    return this.query.detail(complaint.id, user);
  }
}
