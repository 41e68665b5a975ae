import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Allow, CurrentUser } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { COMPLAINT_ID_OR_NUMBER_PATTERN } from './complaint-lookup';
import { ListComplaintsQueryDto } from './complaint-query.dto';
import { ComplaintQueryService } from './complaint-query.service';
import { ComplaintDetailView, ComplaintListView, ErrorBodyView } from './complaint-views';

/** Lists and the detail page of complaints, for office staff, admins and the Kepala Daerah. */
@ApiTags('complaints')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBodyView, description: 'Tanpa token atau token tidak valid' })
@ApiForbiddenResponse({ type: ErrorBodyView })
@Allow({ roles: ['STAFF', 'ADMIN', 'KEPALA_DAERAH'] })
@Controller('complaints')
export class ComplaintQueryController {
  constructor(private readonly complaints: ComplaintQueryService) {}

  @Get()
  @ApiOperation({
    summary: 'Daftar pengaduan (terbaru lebih dulu); NIK pengadu selalu tersamar',
    description:
      'Cari satu pengaduan dengan `q` (nomor register atau kode pelacakan, sama persis). ' +
      'Antrean triase SEKSI_PENGADUAN: `status=RECEIVED&sort=receivedAt` (terlama lebih dulu; lama menunggu ' +
      'dihitung dari `receivedAt`). Kasus terlambat menurut batas waktu: `overdue=true&sort=dueAt`.',
  })
  @ApiOkResponse({ type: ComplaintListView })
  @ApiBadRequestResponse({
    type: ErrorBodyView,
    description: 'Nilai filter, pencarian atau urutan tidak valid',
  })
  @ApiUnprocessableEntityResponse({ description: 'Tanggal awal (from) setelah tanggal akhir (to)' })
  list(@Query() query: ListComplaintsQueryDto, @CurrentUser() user: Principal): Promise<ComplaintListView> {
    return this.complaints.list(query, user);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Rincian pengaduan: catatan, tugas, keputusan, riwayat dan keadaan proses',
    description:
      'Pengaduan dicari dengan ID-nya atau nomor registernya (2026-12-0007, atau 2026%2F12%2F0007). ' +
      'Data pribadi pengadu hanya tampil untuk ADMIN, SEKSI_PENGADUAN, LOKET dan unit yang mendapat tugas.',
  })
  @ApiParam({
    name: 'id',
    description: 'ID pengaduan (UUID) atau nomor registernya (mis. 2026-12-0007)',
    schema: { type: 'string', pattern: COMPLAINT_ID_OR_NUMBER_PATTERN },
  })
  @ApiOkResponse({ type: ComplaintDetailView })
  @ApiNotFoundResponse({ type: ErrorBodyView, description: 'Pengaduan tidak ditemukan' })
  detail(@Param('id') id: string, @CurrentUser() user: Principal): Promise<ComplaintDetailView> {
    return this.complaints.detail(id, user);
  }
}
