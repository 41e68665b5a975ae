import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
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
import { Allow, CurrentUser } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ErrorBodyView, TaskListView, TaskView } from './complaint-views';
import { COMPLETE_TASK_EXAMPLES } from './request-examples';
import { CompleteTaskDto, ListTasksQueryDto } from './tasks.dto';
import { TasksService } from './tasks.service';

/** Each unit's inbox of tasks. */
@ApiTags('tasks')
@ApiBearerAuth()
@ApiBadRequestResponse({ type: ErrorBodyView })
@ApiUnauthorizedResponse({ type: ErrorBodyView, description: 'Tanpa token atau token tidak valid' })
@ApiForbiddenResponse({ type: ErrorBodyView })
@Allow({ roles: ['STAFF'] })
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @ApiOperation({
    summary:
      'Kotak masuk: tugas unit Anda (aparatur kecamatan/kelurahan: hanya wilayahnya), batas waktu terdekat lebih dulu',
    description:
      'Setiap tugas membawa data pengaduannya: nomor register, layanan, lokasi (kode dan nama), awal uraian, ' +
      'batas waktu, sisa hari kerja dan tanda terlambat. Filter: status tugas, status pengaduan, kategori, ' +
      'kecamatan, overdue; `q` mencari nomor register atau kode pelacakan. Urutan: batas waktu terdekat, ' +
      'lalu tugas terbaru.',
  })
  @ApiOkResponse({ type: TaskListView })
  inbox(@Query() query: ListTasksQueryDto, @CurrentUser() user: Principal): Promise<TaskListView> {
    return this.tasks.inbox(query, user);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Selesaikan tugas unit Anda dengan hasil penanganannya' })
  @ApiParam({ name: 'id', description: 'ID tugas dari GET /tasks' })
  @ApiBody({ type: CompleteTaskDto, examples: COMPLETE_TASK_EXAMPLES })
  @ApiOkResponse({ type: TaskView })
  @ApiNotFoundResponse({ type: ErrorBodyView, description: 'Tugas tidak ditemukan' })
  @ApiConflictResponse({ type: ErrorBodyView, description: 'Tugas sudah diselesaikan' })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyView, description: 'Hasil penanganan hanya berisi spasi' })
  @ApiServiceUnavailableResponse({ type: ErrorBodyView, description: 'Mesin proses tidak dapat dihubungi' })
  complete(
    @Param('id') id: string,
    @Body() body: CompleteTaskDto,
    @CurrentUser() user: Principal,
  ): Promise<TaskView> {
    return this.tasks.complete(id, body, user);
  }
}
