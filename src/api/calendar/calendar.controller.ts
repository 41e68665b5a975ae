import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
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
import {
  HolidayPreviewDto,
  HolidaysReplacedDto,
  HolidayYearDto,
  HolidayYearQueryDto,
  ReplaceHolidaysDto,
} from './calendar.dto';
import { CalendarService } from './calendar.service';

const LIST_REFUSED =
  'Daftar ditolak: tanggal di luar tahun itu atau tanggal yang sama dua kali; pesan menyebut barisnya.';

/** The non-working days (libur nasional and cuti bersama) deadlines count with; admins only. */
@ApiTags('calendar')
@ApiBearerAuth()
@Allow({ roles: ['ADMIN'] })
@ApiUnauthorizedResponse({ description: 'Belum masuk (login).' })
@ApiForbiddenResponse({ description: 'Hanya admin.' })
@Controller('calendar/holidays')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  @ApiOkResponse({ type: HolidayYearDto })
  @ApiBadRequestResponse({ description: 'Tahun tidak diisi atau tidak valid.' })
  get(@Query() query: HolidayYearQueryDto): Promise<HolidayYearDto> {
    return this.calendar.holidaysOfYear(query.year);
  }

  /**
   * What PUT with the same query and body would do to open complaints' deadlines, saving nothing:
   * each complaint whose due date moves, with the old and the new date.
   */
  @Post('preview')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Pratinjau: pengaduan terbuka yang batas waktunya bergeser bila daftar ini disimpan (tidak menyimpan)',
  })
  @ApiOkResponse({ type: HolidayPreviewDto })
  @ApiBadRequestResponse({ description: 'Daftar tidak valid; pesan menyebut baris yang salah.' })
  @ApiUnprocessableEntityResponse({ description: LIST_REFUSED })
  preview(@Query() query: HolidayYearQueryDto, @Body() body: ReplaceHolidaysDto): Promise<HolidayPreviewDto> {
    return this.calendar.previewYear(query.year, body.holidays);
  }

  /** Replaces the whole list of the year; open complaints recompute their deadline. */
  @Put()
  @ApiOkResponse({ type: HolidaysReplacedDto })
  @ApiBadRequestResponse({ description: 'Daftar tidak valid; pesan menyebut baris yang salah.' })
  @ApiUnprocessableEntityResponse({ description: LIST_REFUSED })
  replace(
    @Query() query: HolidayYearQueryDto,
    @Body() body: ReplaceHolidaysDto,
    @CurrentUser() admin: Principal,
  ): Promise<HolidaysReplacedDto> {
    return this.calendar.replaceYear(query.year, body.holidays, admin);
  }
}
