import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Response } from 'express';

const ERROR_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Nest's own messages for common failures, said in Bahasa Indonesia. */
const DEFAULT_MESSAGES: Record<number, string> = {
  400: 'Permintaan tidak valid.',
  401: 'Anda harus masuk (login) terlebih dahulu.',
  403: 'Anda tidak berwenang melakukan tindakan ini.',
  404: 'Data yang diminta tidak ditemukan.',
  413: 'Ukuran data yang dikirim terlalu besar.',
  429: 'Terlalu banyak permintaan. Silakan coba lagi beberapa saat lagi.',
  500: 'Terjadi kesalahan pada server. Silakan coba lagi.',
  503: 'Layanan sedang tidak tersedia. Silakan coba lagi beberapa saat lagi.',
};

/**
 * Every error leaves the API as `{statusCode, error, message}` with the message in Bahasa Indonesia.
 * Unknown errors are logged and answered as 503 when a dependency is down, never with a stack trace.
 */
@Catch()
export class ErrorBodyFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorBodyFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    let statusCode = HttpStatus.INTERNAL_SERVER_ERROR;
    let message: string | string[] = DEFAULT_MESSAGES[500];
    if (exception instanceof HttpException) {
      statusCode = exception.getStatus();
      const body = exception.getResponse();
      const raw = typeof body === 'string' ? body : (body as { message?: string | string[] }).message;
      message = isIndonesian(raw) ? raw! : (DEFAULT_MESSAGES[statusCode] ?? DEFAULT_MESSAGES[400]);
    } else {
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    }
    res.status(statusCode).json({
      statusCode,
      error: ERROR_NAMES[statusCode] ?? 'Error',
      message: Array.isArray(message) ? message.join(' ') : message,
    });
  }
}

/** Nest and its libraries answer in English by default; ours are written in Bahasa Indonesia. */
function isIndonesian(message: string | string[] | undefined): boolean {
  if (!message) return false;
  const text = Array.isArray(message) ? message.join(' ') : message;
  return !/^(Cannot (GET|POST|PUT|PATCH|DELETE)|Unexpected token|Bad Request|Not Found|Forbidden|Unauthorized|ThrottlerException|Internal server error|Expected|request entity too large)/i.test(
    text,
  );
}
