import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Allow } from '../auth/auth.decorators';
import { ErrorBodyView } from '../complaints/complaint-views';
import { WorkloadQueryDto, WorkloadView } from './workload.dto';
import { WorkloadService } from './workload.service';

@ApiTags('ops')
@ApiBearerAuth()
@Controller('workload')
export class WorkloadController {
  constructor(private readonly workload: WorkloadService) {}

  /** Open tasks per unit (and per area for the local officials), with those of overdue complaints. */
  @Get()
  @Allow({ roles: ['ADMIN'], units: ['KEPALA_DINAS', 'KABID_PENGADUAN'] })
  @ApiOperation({
    summary: 'Beban kerja per unit: tugas terbuka dan yang pengaduannya terlambat',
    description:
      'Untuk Kabid Pengaduan, Kepala Dinas dan admin. Aparatur kecamatan dan kelurahan juga dirinci per wilayah.',
  })
  @ApiOkResponse({ type: WorkloadView })
  @ApiBadRequestResponse({ type: ErrorBodyView, description: 'Unit tidak dikenal' })
  @ApiUnauthorizedResponse({ type: ErrorBodyView, description: 'Tanpa token atau token tidak valid' })
  @ApiForbiddenResponse({ type: ErrorBodyView, description: 'Peran atau unit Anda tidak berwenang' })
  get(@Query() query: WorkloadQueryDto): Promise<WorkloadView> {
    return this.workload.workload(query.unit);
  }
}
