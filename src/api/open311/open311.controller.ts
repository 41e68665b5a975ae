import {
  All,
  Body,
  Controller,
  Get,
  Headers,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExcludeController,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiTags,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CATEGORIES } from '../../domain/categories';
import { Public } from '../auth/auth.decorators';
import { AcceptsForm } from '../common/body-limits';
import { ApiErrorContent } from '../common/openapi';
import { PublicRateLimit } from '../common/throttling';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeyOf } from '../complaints/idempotency-key';
import {
  OPEN311_POST_SCHEMA,
  Open311CreatedDto,
  Open311DiscoveryDto,
  Open311ErrorDto,
  Open311RequestDto,
  Open311ServiceDefinitionDto,
  Open311ServiceDto,
  Open311TokenDto,
} from './open311.dto';
import { type Open311ListQuery, Open311Service, open311Discovery } from './open311.service';
import {
  OPEN311_BASE,
  Open311ErrorFilter,
  type Open311Format,
  open311Error,
  sendOpen311,
} from './open311-format';

/** A query parameter of the standard that we ignore: any text is accepted. */
const OPEN311_IGNORED_TEXT = { type: 'string' } as const;

export { OPEN311_BASE };

const FORMAT = { name: 'format', enum: ['json', 'xml'], description: 'Format jawaban: json atau xml' };
/** Errors as the standard's list: `[{code, description}]`, in XML `<errors><error>...`. */
const ERRORS = { type: 'array', items: { $ref: getSchemaPath(Open311ErrorDto) } } as const;

function formatParam(format: string): Open311Format {
  if (format !== 'json' && format !== 'xml')
    throw open311Error(404, `Format "${format}" tidak didukung; gunakan .json atau .xml.`);
  return format;
}

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2): city apps and aggregators list our
 * services (complaint categories), create requests (complaints, channel WEBSITE, source OPEN311) with
 * an API key, and follow them. JSON or XML by the resource's extension; errors as the standard's
 * error list with Bahasa descriptions.
 */
@ApiTags('open311')
@ApiExtraModels(Open311ErrorDto)
@ApiProduces('application/json', 'text/xml')
@ApiErrorContent({ 'application/json': { schema: ERRORS }, 'text/xml': { schema: ERRORS } })
@Public()
@PublicRateLimit()
@UseFilters(Open311ErrorFilter)
@Controller(OPEN311_BASE.slice(1))
export class Open311Controller {
  constructor(private readonly open311: Open311Service) {}

  /** Service discovery: where this endpoint is, its formats, and whom to ask for an API key. */
  @Get('discovery.:format')
  @ApiParam(FORMAT)
  @ApiOkResponse({ type: Open311DiscoveryDto })
  discovery(@Param('format') format: string, @Req() req: Request, @Res() res: Response): void {
    const f = formatParam(format);
    const discovery = open311Discovery(`${req.protocol}://${req.get('host')}${OPEN311_BASE}`);
    const body =
      f === 'json'
        ? discovery
        : {
            ...discovery,
            endpoints: {
              endpoint: discovery.endpoints.map((e) => ({ ...e, formats: { format: e.formats } })),
            },
          };
    sendOpen311(res, f, 200, body, { root: 'discovery' });
  }

  /** GET Service List: our complaint categories as services. */
  @Get('services.:format')
  @ApiParam(FORMAT)
  @ApiOkResponse({ type: [Open311ServiceDto] })
  services(@Param('format') format: string, @Res() res: Response): void {
    sendOpen311(res, formatParam(format), 200, this.open311.services(), {
      root: 'services',
      item: 'service',
    });
  }

  /** GET Service Definition: the attributes a request of this service takes (attribute[code]). */
  @Get('services/:code.:format')
  @ApiParam({ name: 'code', example: 'SEDANG' })
  @ApiParam(FORMAT)
  @ApiOkResponse({ type: Open311ServiceDefinitionDto })
  @ApiNotFoundResponse({ description: 'service_code tidak dikenal' })
  async definition(
    @Param('code') code: string,
    @Param('format') format: string,
    @Res() res: Response,
  ): Promise<void> {
    const f = formatParam(format);
    const definition = await this.open311.definition(code);
    const xml = {
      service_code: definition.service_code,
      attributes: {
        attribute: definition.attributes.map((a) => ({ ...a, values: { value: a.values } })),
      },
    };
    sendOpen311(res, f, 200, f === 'json' ? definition : xml, { root: 'service_definition' });
  }

  /** POST Service Request: a complaint, through the same intake and rules as the website form. */
  @Post('requests.:format')
  @AcceptsForm()
  @ApiParam(FORMAT)
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ schema: OPEN311_POST_SCHEMA as unknown as Record<string, unknown> })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiCreatedResponse({ type: [Open311CreatedDto] })
  @ApiBadRequestResponse({
    description: 'Kolom kurang atau tidak valid (tiap kesalahan menyebut kolomnya)',
  })
  @ApiForbiddenResponse({ description: 'api_key tidak ada, tidak sah atau sudah dicabut' })
  @ApiUnprocessableEntityResponse({
    description: 'Ditolak aturan SOP (mis. NIK yang tidak mungkin ada)',
  })
  @ApiConflictResponse({
    description: 'Idempotency-Key ini sudah dipakai untuk pengaduan dengan isi berbeda',
  })
  async create(
    @Param('format') format: string,
    @Body() body: Record<string, unknown> | undefined,
    @Res() res: Response,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<void> {
    const f = formatParam(format);
    const created = await this.open311.create(body ?? {}, idempotencyKeyOf(idempotencyKey));
    sendOpen311(res, f, 201, created, { root: 'service_requests', item: 'request' });
  }

  /** GET Service Requests: nothing personal; by ids, or filtered (the last 90 days by default). */
  @Get('requests.:format')
  @ApiParam(FORMAT)
  @ApiQuery({
    name: 'service_request_id',
    required: false,
    description: 'Beberapa dipisah koma; parameter lain diabaikan',
    schema: { type: 'string', pattern: '^[^\\x00,]+(,[^\\x00,]+)*$' },
  })
  @ApiQuery({
    name: 'service_code',
    required: false,
    description: 'Beberapa dipisah koma',
    schema: { type: 'string', pattern: `^(${CATEGORIES.join('|')})(,(${CATEGORIES.join('|')}))*$` },
  })
  @ApiQuery({
    name: 'start_date',
    required: false,
    description: 'ISO 8601 dengan zona waktu',
    schema: { type: 'string', format: 'date-time' },
  })
  @ApiQuery({
    name: 'end_date',
    required: false,
    description: 'ISO 8601 dengan zona waktu',
    schema: { type: 'string', format: 'date-time' },
  })
  @ApiQuery({
    name: 'status',
    required: false,
    description: 'open, closed, atau open,closed',
    schema: { type: 'string', enum: ['open', 'closed', 'open,closed', 'closed,open'] },
  })
  @ApiQuery({
    name: 'jurisdiction_id',
    required: false,
    description: 'Diabaikan',
    schema: OPEN311_IGNORED_TEXT,
  })
  @ApiOkResponse({ type: [Open311RequestDto] })
  @ApiBadRequestResponse({ description: 'Parameter tidak valid' })
  @ApiUnprocessableEntityResponse({ description: 'start_date sesudah end_date' })
  async list(
    @Param('format') format: string,
    @Query() query: Open311ListQuery,
    @Res() res: Response,
  ): Promise<void> {
    const f = formatParam(format);
    sendOpen311(res, f, 200, await this.open311.list(query), { root: 'service_requests', item: 'request' });
  }

  /** GET Service Request: by service_request_id, or by token (the tracking code) with the response. */
  @Get('requests/:id.:format')
  @ApiParam({ name: 'id', description: 'service_request_id (mis. 2026-12-0007) atau token' })
  @ApiParam(FORMAT)
  @ApiOkResponse({ type: [Open311RequestDto] })
  @ApiNotFoundResponse({ description: 'Tidak ditemukan' })
  async get(@Param('id') id: string, @Param('format') format: string, @Res() res: Response): Promise<void> {
    const f = formatParam(format);
    sendOpen311(res, f, 200, await this.open311.get(id), { root: 'service_requests', item: 'request' });
  }

  /** GET request id from a token: the token is our tracking code. */
  @Get('tokens/:token.:format')
  @ApiParam({ name: 'token', example: 'K7QX2M9TPA' })
  @ApiParam(FORMAT)
  @ApiOkResponse({ type: [Open311TokenDto] })
  @ApiNotFoundResponse({ description: 'Token tidak ditemukan' })
  async token(
    @Param('token') token: string,
    @Param('format') format: string,
    @Res() res: Response,
  ): Promise<void> {
    const f = formatParam(format);
    sendOpen311(res, f, 200, await this.open311.token(token), { root: 'service_requests', item: 'request' });
  }
}

/**
 * Everything under `/open311/v2/` that no resource answers is 404 in the standard's error list, like
 * every other answer there, so a client's error handling sees one format (a known resource asked
 * with another method is 405: `answerMethodNotAllowed`). Registered after Open311Controller, so it
 * only gets what that leaves.
 */
@ApiExcludeController()
@Public()
@PublicRateLimit()
@UseFilters(Open311ErrorFilter)
@Controller(OPEN311_BASE.slice(1))
export class Open311FallbackController {
  @All('{*path}')
  unknown(): never {
    throw open311Error(
      404,
      'Alamat tidak dikenal pada Open311 GeoReport v2; lihat discovery.json untuk daftar alamat.',
    );
  }
}
