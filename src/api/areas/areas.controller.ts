import { Body, Controller, Get, Header, Param, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Allow, CurrentUser, Public } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { PublicRateLimit } from '../common/throttling';
import { AreaDto, KecamatanDto, RenameAreaDto } from './areas.dto';
import { AreasService } from './areas.service';

@ApiTags('areas')
@Controller('areas')
export class AreasController {
  constructor(private readonly areas: AreasService) {}

  /** For the public form and the staff screens: `location` fields everywhere take these codes. */
  @Get()
  @Public()
  @PublicRateLimit()
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOkResponse({ type: [KecamatanDto] })
  list(): Promise<KecamatanDto[]> {
    return this.areas.tree();
  }

  /** An admin corrects an area's name (master data). */
  @Put(':code')
  @Allow({ roles: ['ADMIN'] })
  @ApiBearerAuth()
  @ApiParam({ name: 'code', example: '16.74.01.1007' })
  @ApiOkResponse({ type: AreaDto })
  @ApiForbiddenResponse({ description: 'Hanya admin.' })
  @ApiNotFoundResponse({ description: 'Kode wilayah tidak dikenal.' })
  rename(
    @Param('code') code: string,
    @Body() body: RenameAreaDto,
    @CurrentUser() admin: Principal,
  ): Promise<AreaDto> {
    return this.areas.rename(code, body.name, admin);
  }
}
