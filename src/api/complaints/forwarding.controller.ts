import { Body, Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Allow, CurrentUser, Public } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { PublicRateLimit } from '../common/throttling';
import { ComplaintDetailView, ErrorBodyView } from './complaint-views';
import { ForwardDto } from './forwarding.dto';
import { ForwardingService } from './forwarding.service';
import { AgencyView, agencyViews } from './forwarding.views';

/** Forwards a complaint that is not DPM-PTSP's business ("bukan wewenang") to another agency. */
@ApiTags('complaints')
@Controller('complaints')
export class ForwardingController {
  constructor(private readonly forwarding: ForwardingService) {}

  @Post(':id/forward')
  @HttpCode(200)
  @Allow({ units: ['SEKSI_PENGADUAN'] })
  @ApiBearerAuth()
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOperation({
    summary:
      'Teruskan pengaduan yang bukan wewenang DPM-PTSP ke instansi lain; menutup pengaduan (FORWARDED)',
    description:
      'Oleh Seksi Pengaduan dan Informasi Layanan, selama pengaduan menunggu triase. Pengadu diberi tahu ' +
      'instansi tujuan, alasan dan nomor surat keluar melalui saluran pilihannya.',
  })
  @ApiOkResponse({ type: ComplaintDetailView })
  @ApiBadRequestResponse({
    type: ErrorBodyView,
    description: 'Data tidak valid (instansi tidak dikenal, nomor surat keluar tidak wajar)',
  })
  @ApiUnauthorizedResponse({ type: ErrorBodyView, description: 'Tanpa token atau token tidak valid' })
  @ApiForbiddenResponse({ type: ErrorBodyView, description: 'Hanya Seksi Pengaduan dan Informasi Layanan' })
  @ApiNotFoundResponse({ type: ErrorBodyView, description: 'Pengaduan tidak ditemukan' })
  @ApiConflictResponse({ type: ErrorBodyView, description: 'Pengaduan sudah ditriase atau sudah ditutup' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyView,
    description: 'Alasan atau nomor surat hanya berisi spasi',
  })
  @ApiServiceUnavailableResponse({ type: ErrorBodyView, description: 'Mesin proses tidak dapat dihubungi' })
  forward(
    @Param('id') id: string,
    @Body() body: ForwardDto,
    @CurrentUser() user: Principal,
  ): Promise<ComplaintDetailView> {
    return this.forwarding.forward(id, body, user);
  }
}

/** The agencies a complaint can be forwarded to (for the staff console's picker). */
@ApiTags('complaints')
@Controller('agencies')
export class AgenciesController {
  @Get()
  @Public()
  @PublicRateLimit()
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({
    summary: 'Daftar instansi tujuan penerusan pengaduan (OPD Kota Prabumulih, SP4N-LAPOR!, dll.)',
  })
  @ApiOkResponse({ type: [AgencyView] })
  list(): AgencyView[] {
    return agencyViews();
  }
}
