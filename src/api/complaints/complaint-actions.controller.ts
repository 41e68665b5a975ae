import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
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
import { ANY_RESPONDING_UNITS } from '../../domain/complaint-rules';
import { MANAGER_UNITS } from '../../domain/units';
import { Allow, CurrentUser } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { EscalationDecisionDto, RecategoriseDto, RespondDto, TriageDto } from './complaint-actions.dto';
import { ComplaintActionsService } from './complaint-actions.service';
import { ComplaintDetailView, ErrorBodyView } from './complaint-views';
import {
  DECISION_EXAMPLES,
  RECATEGORISE_EXAMPLES,
  RESPONSE_EXAMPLES,
  TRIAGE_EXAMPLES,
} from './request-examples';

/** What staff and the Kepala Daerah do to a complaint; the workflow decides whether it fits. */
@ApiTags('complaints')
@ApiBearerAuth()
@ApiParam({ name: 'id', format: 'uuid' })
@ApiBadRequestResponse({ type: ErrorBodyView, description: 'Data tidak valid' })
@ApiUnauthorizedResponse({ type: ErrorBodyView, description: 'Tanpa token atau token tidak valid' })
@ApiForbiddenResponse({ type: ErrorBodyView, description: 'Peran atau unit Anda tidak berwenang' })
@ApiNotFoundResponse({ type: ErrorBodyView, description: 'Pengaduan tidak ditemukan' })
@ApiConflictResponse({ type: ErrorBodyView, description: 'Tidak sesuai dengan keadaan pengaduan saat ini' })
@ApiServiceUnavailableResponse({ type: ErrorBodyView, description: 'Mesin proses tidak dapat dihubungi' })
@Controller('complaints')
export class ComplaintActionsController {
  constructor(private readonly actions: ComplaintActionsService) {}

  @Post(':id/triage')
  @HttpCode(200)
  @Allow({ units: ['SEKSI_PENGADUAN'] })
  @ApiOperation({ summary: 'Triase: tetapkan kategori (dan lokasi) atau tolak pengaduan di luar lingkup' })
  @ApiBody({ type: TriageDto, examples: TRIAGE_EXAMPLES })
  @ApiOkResponse({ type: ComplaintDetailView })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyView,
    description: 'Aturan SOP menolak (mis. lokasi wajib)',
  })
  triage(
    @Param('id') id: string,
    @Body() body: TriageDto,
    @CurrentUser() user: Principal,
  ): Promise<ComplaintDetailView> {
    return this.actions.triage(id, body, user);
  }

  @Post(':id/recategorise')
  @HttpCode(200)
  @Allow({ units: [...MANAGER_UNITS] })
  @ApiOperation({ summary: 'Naikkan kategori pengaduan (RINGAN → SEDANG → BERAT)' })
  @ApiBody({ type: RecategoriseDto, examples: RECATEGORISE_EXAMPLES })
  @ApiOkResponse({ type: ComplaintDetailView })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyView, description: 'Kategori hanya dapat dinaikkan' })
  recategorise(
    @Param('id') id: string,
    @Body() body: RecategoriseDto,
    @CurrentUser() user: Principal,
  ): Promise<ComplaintDetailView> {
    return this.actions.recategorise(id, body, user);
  }

  @Post(':id/response')
  @HttpCode(200)
  @Allow({ units: [...ANY_RESPONDING_UNITS] })
  @ApiOperation({
    summary: 'Tanggapan akhir kepada pengadu; menyelesaikan pengaduan',
    description:
      'Diberikan oleh Seksi Pengaduan dan Informasi Layanan; untuk pengaduan RINGAN juga oleh Petugas Loket (SOP B.3.a). 403 bila unit Anda tidak memberi tanggapan untuk kategori pengaduan ini.',
  })
  @ApiBody({ type: RespondDto, examples: RESPONSE_EXAMPLES })
  @ApiOkResponse({ type: ComplaintDetailView })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyView, description: 'Isi tanggapan hanya berisi spasi' })
  respond(
    @Param('id') id: string,
    @Body() body: RespondDto,
    @CurrentUser() user: Principal,
  ): Promise<ComplaintDetailView> {
    return this.actions.respond(id, body, user);
  }

  @Post(':id/escalation-decision')
  @HttpCode(200)
  @Allow({ roles: ['KEPALA_DAERAH'] })
  @ApiOperation({
    summary: 'Keputusan Kepala Daerah atas pengaduan BERAT',
    description:
      'Diteruskan ke proses sebagai sinyal; dijawab setelah keputusan diterapkan dan dicatat, dengan keadaan pengaduan yang baru.',
  })
  @ApiBody({ type: EscalationDecisionDto, examples: DECISION_EXAMPLES })
  @ApiOkResponse({ type: ComplaintDetailView })
  decide(
    @Param('id') id: string,
    @Body() body: EscalationDecisionDto,
    @CurrentUser() user: Principal,
  ): Promise<ComplaintDetailView> {
    return this.actions.decide(id, body, user);
  }
}
