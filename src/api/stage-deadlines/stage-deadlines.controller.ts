import { Body, Controller, Get, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Allow, CurrentUser } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { StageDeadlinesDto, UpdateStageDeadlinesDto } from './stage-deadlines.dto';
import { StageDeadlinesService } from './stage-deadlines.service';

/** How many working days each stage of a complaint may take; admins only. */
@ApiTags('settings')
@ApiBearerAuth()
@Allow({ roles: ['ADMIN'] })
@ApiUnauthorizedResponse({ description: 'Belum masuk (login).' })
@ApiForbiddenResponse({ description: 'Hanya admin.' })
@Controller('settings/stage-deadlines')
export class StageDeadlinesController {
  constructor(private readonly stageDeadlines: StageDeadlinesService) {}

  @Get()
  @ApiOperation({ summary: 'Batas waktu tiap tahap: triase, tugas tiap unit, keputusan Kepala Daerah' })
  @ApiOkResponse({ type: StageDeadlinesDto })
  get(): Promise<StageDeadlinesDto> {
    return this.stageDeadlines.get();
  }

  @Put()
  @ApiOperation({ summary: 'Ubah batas waktu tahap (berlaku untuk pengaduan yang dicatat sesudahnya)' })
  @ApiOkResponse({ type: StageDeadlinesDto })
  @ApiBadRequestResponse({ description: 'Isian bukan angka atau unit tidak dikenal.' })
  @ApiUnprocessableEntityResponse({
    description:
      'Nilai di luar 1 sampai 10 hari kerja, atau unit yang tidak menerima tugas; tidak ada yang disimpan.',
  })
  update(@Body() body: UpdateStageDeadlinesDto, @CurrentUser() admin: Principal): Promise<StageDeadlinesDto> {
    return this.stageDeadlines.update(body, admin);
  }
}
