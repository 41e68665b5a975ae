import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/auth.decorators';
import { StuckQueryDto, StuckReportView } from './ops.dto';
import { OpsService } from './ops.service';

@ApiTags('ops')
@ApiBearerAuth()
@Controller('ops')
export class OpsController {
  constructor(private readonly ops: OpsService) {}

  /** Complaints that are stuck, nearest due date first, each with a link to its workflow in the Web UI. */
  @Get('stuck')
  @Allow({ roles: ['ADMIN'], units: ['KEPALA_DINAS', 'KABID_PENGADUAN'] })
  @ApiOkResponse({ type: StuckReportView })
  stuck(@Query() query: StuckQueryDto): Promise<StuckReportView> {
    return this.ops.stuck(query.asOf ? new Date(query.asOf) : new Date());
  }
}
