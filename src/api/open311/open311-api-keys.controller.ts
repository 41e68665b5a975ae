import { Body, Controller, Get, HttpCode, Ip, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Allow, CurrentUser } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { badRequest } from '../common/api-error';
import { CreatedOpen311ApiKeyDto, CreateOpen311ApiKeyDto, Open311ApiKeyDto } from './open311-api-keys.dto';
import { Open311ApiKeysService } from './open311-api-keys.service';

const ADMIN_ONLY = 'Hanya admin.';
const uuid = new ParseUUIDPipe({ exceptionFactory: () => badRequest('Id kunci API wajib berupa UUID.') });

/** The ADMIN manages the API keys of Open311 client applications (needed to create requests). */
@ApiTags('open311')
@ApiBearerAuth()
@Allow({ roles: ['ADMIN'] })
@ApiForbiddenResponse({ description: ADMIN_ONLY })
@Controller('open311/api-keys')
export class Open311ApiKeysController {
  constructor(private readonly keys: Open311ApiKeysService) {}

  @Get()
  @ApiOkResponse({ type: [Open311ApiKeyDto] })
  list(): Promise<Open311ApiKeyDto[]> {
    return this.keys.list();
  }

  /** A new key for a client application: the key itself is in this answer only. */
  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CreatedOpen311ApiKeyDto })
  create(
    @Body() body: CreateOpen311ApiKeyDto,
    @CurrentUser() user: Principal,
    @Ip() ip: string,
  ): Promise<CreatedOpen311ApiKeyDto> {
    return this.keys.create(body.name, user, ip ?? null);
  }

  /** Revokes a key: requests made with it are refused (403) from now on. */
  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOkResponse({ type: Open311ApiKeyDto })
  @ApiParam({ name: 'id', format: 'uuid', description: 'Id kunci API' })
  @ApiBadRequestResponse({ description: 'Id kunci API wajib berupa UUID.' })
  @ApiNotFoundResponse({ description: 'Kunci API Open311 tidak ditemukan.' })
  @ApiConflictResponse({ description: 'Kunci API Open311 ini sudah dicabut.' })
  revoke(
    @Param('id', uuid) id: string,
    @CurrentUser() user: Principal,
    @Ip() ip: string,
  ): Promise<Open311ApiKeyDto> {
    return this.keys.revoke(id, user, ip ?? null);
  }
}
