import { DriverException } from '@mikro-orm/core';
import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { ServiceError } from '@temporalio/client';
import type { Response } from 'express';
import { ApiError } from './api-error';

export const ERROR_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Messages for errors raised by Nest and its libraries (which speak English), by status code. */
export const DEFAULT_MESSAGES: Record<number, string> = {
  400: 'Permintaan tidak valid. Periksa kembali data yang dikirim.',
  401: 'Anda harus masuk (login) terlebih dahulu.',
  403: 'Anda tidak berwenang melakukan tindakan ini.',
  404: 'Alamat atau data yang diminta tidak ditemukan.',
  405: 'Metode permintaan ini tidak didukung.',
  413: 'Ukuran data yang dikirim terlalu besar.',
  415: 'Jenis data yang dikirim tidak didukung.',
  429: 'Terlalu banyak permintaan. Silakan coba lagi beberapa saat lagi.',
  500: 'Terjadi kesalahan pada server. Silakan coba lagi.',
  503: 'Layanan sedang tidak tersedia. Silakan coba lagi beberapa saat lagi.',
};

const DATABASE_DOWN =
  'Basis data sedang tidak dapat dihubungi. Data Anda belum tersimpan; silakan coba lagi beberapa saat lagi.';
const TEMPORAL_DOWN =
  'Mesin proses pengaduan (Temporal) sedang tidak dapat dihubungi. Silakan coba lagi beberapa saat lagi.';

/**
 * Every error leaves the API as `{statusCode, error, message}` with the message in Bahasa Indonesia
 * (and `fields`, each faulty field's own message, when a rule names fields).
 * An unavailable database or Temporal is a 503; anything unexpected is logged and answered without
 * internals.
 */
@Catch()
export class ErrorBodyFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorBodyFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const { statusCode, message } = this.describe(exception);
    const fields = exception instanceof ApiError && exception.fields ? { fields: exception.fields } : {};
    if (statusCode >= 500)
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    res
      .status(statusCode)
      .json({ statusCode, error: ERROR_NAMES[statusCode] ?? 'Error', message, ...fields });
  }

  private describe(exception: unknown): { statusCode: number; message: string } {
    if (exception instanceof ApiError) {
      return {
        statusCode: exception.getStatus(),
        message: (exception.getResponse() as { message: string }).message,
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      return { statusCode, message: DEFAULT_MESSAGES[statusCode] ?? DEFAULT_MESSAGES[400] };
    }
    // Raised by Express's body parser before Nest sees the request (too large, bad encoding...):
    // http-errors with a 4xx `status` and `expose: true`. Found by the hostile-input suite.
    if (isClientHttpError(exception)) {
      const statusCode = exception.status;
      return { statusCode, message: DEFAULT_MESSAGES[statusCode] ?? DEFAULT_MESSAGES[400] };
    }
    if (exception instanceof DriverException || isConnectionError(exception)) {
      return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, message: DATABASE_DOWN };
    }
    if (exception instanceof ServiceError) {
      return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, message: TEMPORAL_DOWN };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, message: DEFAULT_MESSAGES[500] };
  }
}

function isConnectionError(err: unknown): boolean {
  const code = (err as { code?: string })?.code;
  return (
    typeof code === 'string' &&
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', 'SQLITE_BUSY'].includes(code)
  );
}

function isClientHttpError(e: unknown): e is { status: number } {
  const candidate = e as { status?: unknown; expose?: unknown } | null;
  return (
    typeof candidate?.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500 &&
    candidate.expose === true
  );
}
