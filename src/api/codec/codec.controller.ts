import { Body, Controller, Headers, HttpCode, Inject, Module, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Payload, PayloadCodec } from '@temporalio/common';
import type { AppConfig } from '../../config/config';
import { PayloadDecryptionError, temporalDataConverter } from '../../temporal/payload-codec';
import { AcceptsCodecCookie, Allow } from '../auth/auth.decorators';
import { ApiError, badRequest } from '../common/api-error';
import { APP_CONFIG } from '../common/config.module';

/** A payload as the codec protocol carries it: protobuf JSON, bytes as base64. */
interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const BAD_BODY =
  'Isi permintaan harus berupa {"payloads": [{"metadata": {...}, "data": "..."}]} dengan nilai base64.';

/**
 * Temporal's remote codec protocol for the Web UI (codec.endpoint = <API>/codec): POST /codec/decode
 * and /codec/encode take and answer `{"payloads": [...]}`. Payloads are encrypted
 * (src/temporal/payload-codec.ts); only signed-in operators may read them: ADMIN, Kepala Dinas and
 * Kabid Pengaduan (as /api/ops), with the console's Bearer token or, from the Web UI, the HttpOnly
 * cookie the sign-in sets. CORS for the UI's origin: src/api/codec/codec-cors.ts. Not in the OpenAPI
 * document: it is Temporal's protocol, not the API.
 */
@ApiExcludeController()
@AcceptsCodecCookie()
@Allow({ roles: ['ADMIN'], units: ['KEPALA_DINAS', 'KABID_PENGADUAN'] })
@Controller('codec')
export class CodecController {
  private readonly codec: PayloadCodec;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const codecs = temporalDataConverter(config).payloadCodecs ?? [];
    this.codec = codecs[0];
  }

  @Post('decode')
  @HttpCode(200)
  async decode(@Body() body: unknown, @Headers('x-namespace') namespace?: string) {
    const payloads = this.payloadsOf(body, namespace);
    try {
      return { payloads: (await this.codec.decode(payloads)).map(toJson) };
    } catch (err) {
      if (err instanceof PayloadDecryptionError)
        throw new ApiError(
          422,
          'Data Temporal tidak dapat dibuka: dienkripsi dengan kunci yang tidak dikenal, atau telah diubah.',
        );
      throw err;
    }
  }

  @Post('encode')
  @HttpCode(200)
  async encode(@Body() body: unknown, @Headers('x-namespace') namespace?: string) {
    return { payloads: (await this.codec.encode(this.payloadsOf(body, namespace))).map(toJson) };
  }

  private payloadsOf(body: unknown, namespace: string | undefined): Payload[] {
    if (namespace !== undefined && namespace !== this.config.temporal.namespace)
      throw badRequest(`Namespace "${namespace.slice(0, 100)}" tidak dilayani oleh sistem ini.`);
    const list = (body as { payloads?: unknown } | null)?.payloads;
    if (!isObject(body) || !Array.isArray(list)) throw badRequest(BAD_BODY);
    return list.map((item): Payload => {
      if (!isObject(item)) throw badRequest(BAD_BODY);
      const { metadata = {}, data = '' } = item as JsonPayload;
      if (!isObject(metadata) || typeof data !== 'string' || !BASE64.test(data)) throw badRequest(BAD_BODY);
      const entries = Object.entries(metadata);
      if (entries.some(([, v]) => typeof v !== 'string' || !BASE64.test(v))) throw badRequest(BAD_BODY);
      return {
        metadata: Object.fromEntries(entries.map(([k, v]) => [k, Buffer.from(v, 'base64')])),
        data: Buffer.from(data, 'base64'),
      };
    });
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toJson(payload: Payload): JsonPayload {
  return {
    metadata: Object.fromEntries(
      Object.entries(payload.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
    ),
    data: Buffer.from(payload.data ?? new Uint8Array()).toString('base64'),
  };
}

@Module({ controllers: [CodecController] })
export class CodecModule {}
