import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Allow } from '../auth/auth.decorators';
import { ListPersonalDataAccessQueryDto, PersonalDataAccessPageDto } from './personal-data-access.dto';
import { PersonalDataAccessService } from './personal-data-access.service';

/** The access log of unmasked personal-data reads, for the admin (UU 27/2022 accountability). */
@ApiTags('personal-data-access')
@ApiBearerAuth()
@Controller('personal-data-access')
export class PersonalDataAccessController {
  constructor(private readonly accessLog: PersonalDataAccessService) {}

  /**
   * Who read which complainant's personal data unmasked, when, which fields and through which
   * endpoint; newest first. One row per response and complaint (a list page of 20 named
   * complaints is 20 rows).
   */
  @Get()
  @Allow({ roles: ['ADMIN'] })
  @ApiOkResponse({ type: PersonalDataAccessPageDto })
  @ApiBadRequestResponse({ description: 'Filter tidak valid.' })
  @ApiUnprocessableEntityResponse({ description: 'Tanggal awal setelah tanggal akhir.' })
  @ApiForbiddenResponse({ description: 'Hanya admin.' })
  list(@Query() query: ListPersonalDataAccessQueryDto): Promise<PersonalDataAccessPageDto> {
    return this.accessLog.list(query);
  }
}
