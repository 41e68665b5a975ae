import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { XMLBuilder } from 'fast-xml-parser';
import { type Open311Error, open311FieldOf } from '../../domain/open311';
import { ApiError } from '../common/api-error';
import { DEFAULT_MESSAGES, ERROR_NAMES, ErrorBodyFilter } from '../common/error-body.filter';

/** Where the GeoReport v2 endpoint lives (outside the `/api` prefix, as its clients expect). */
export const OPEN311_BASE = '/open311/v2';

/** The formats of GeoReport v2: the resource's extension (`services.json`, `services.xml`). */
export type Open311Format = 'json' | 'xml';

const xml = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: false });

/**
 * Sends a GeoReport v2 answer: JSON as it is, XML under `root` with each item as an `item` element
 * (`<services><service>...`), UTF-8 with the XML declaration the standard asks for.
 */
export function sendOpen311(
  res: Response,
  format: Open311Format,
  status: number,
  body: unknown,
  xmlShape: { root: string; item?: string },
): void {
  res.status(status);
  res.setHeader('Cache-Control', 'no-store');
  if (format === 'json') {
    res.type('application/json; charset=utf-8').send(JSON.stringify(body));
    return;
  }
  const content = xmlShape.item ? { [xmlShape.item]: body } : body;
  res
    .type('text/xml; charset=utf-8')
    .send(`<?xml version="1.0" encoding="utf-8"?>\n${xml.build({ [xmlShape.root]: content })}`);
}

/** Refusal in the standard's form: an HTTP status and the list of errors (`[{code, description}]`). */
export class Open311Exception extends HttpException {
  constructor(
    status: number,
    readonly errors: Open311Error[],
  ) {
    super({ statusCode: status, errors }, status);
  }
}

export const open311Error = (status: number, description: string) =>
  new Open311Exception(status, [{ code: status, description }]);

/** The format a request asked for by its extension; XML (the standard's required format) otherwise. */
export function formatOf(req: Request): Open311Format {
  return /\.json$/i.test(req.path) ? 'json' : 'xml';
}

/**
 * Every error of `/open311/v2/` in the standard's error format, JSON or XML as the request's
 * extension asks, with the Bahasa message as the description: the rules' refusals (400, 422, each
 * field's own message naming the form field), an unknown or revoked API key (403), unknown ids (404),
 * too many requests (429) and unavailable services (503) alike.
 */
@Catch()
export class Open311ErrorFilter implements ExceptionFilter {
  private readonly fallback = new ErrorBodyFilter();

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const { status, errors } = this.describe(exception);
    sendOpen311(res, formatOf(req), status, errors, { root: 'errors', item: 'error' });
  }

  private describe(exception: unknown): { status: number; errors: Open311Error[] } {
    if (exception instanceof Open311Exception)
      return { status: exception.getStatus(), errors: exception.errors };
    if (exception instanceof ApiError) {
      const status = exception.getStatus();
      const fields = Object.entries(exception.fields ?? {});
      if (fields.length > 0)
        return {
          status,
          errors: fields.map(([field, message]) => ({
            code: status,
            description: `${open311FieldOf(field)}: ${message}`,
          })),
        };
      return {
        status,
        errors: [{ code: status, description: (exception.getResponse() as { message: string }).message }],
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return {
        status,
        errors: [{ code: status, description: DEFAULT_MESSAGES[status] ?? DEFAULT_MESSAGES[400] }],
      };
    }
    // Anything else (database or Temporal down, unexpected): the API's own judgement and message.
    let status = 500;
    let description = DEFAULT_MESSAGES[500];
    const capture = {
      status(code: number) {
        status = code;
        return capture;
      },
      json(body: { message: string }) {
        description = body.message;
      },
    };
    this.fallback.catch(exception, {
      switchToHttp: () => ({ getResponse: () => capture, getRequest: () => undefined }),
    } as unknown as ArgumentsHost);
    return { status, errors: [{ code: status, description }] };
  }
}

/**
 * Express error handler behind the form parser of `/open311/v2/`: a body it refuses (too large, too
 * many fields, malformed) is answered in the standard's error form too, like every other error there.
 */
export function open311BodyErrors(
  err: unknown,
  req: Request,
  res: Response,
  next: (err?: unknown) => void,
): void {
  const status = (err as { status?: unknown; expose?: unknown } | null)?.status;
  if (typeof status !== 'number' || status < 400 || status >= 500 || res.headersSent) {
    next(err);
    return;
  }
  sendOpen311(
    res,
    formatOf(req),
    status,
    [
      {
        code: status,
        // Our own refusals (a NUL character) say what was wrong; the body parser's say it generally.
        description:
          err instanceof HttpException ? err.message : (DEFAULT_MESSAGES[status] ?? DEFAULT_MESSAGES[400]),
      },
    ],
    {
      root: 'errors',
      item: 'error',
    },
  );
}

/**
 * The 405 of a known path asked with another method (src/api/common/method-not-allowed.ts): under
 * `/open311/v2/` in the standard's error list, naming the methods the path takes; elsewhere the API's
 * own error body.
 */
export function answerMethodNotAllowed(req: Request, res: Response): void {
  if (!req.path.startsWith(`${OPEN311_BASE}/`)) {
    res.status(405).json({ statusCode: 405, error: ERROR_NAMES[405], message: DEFAULT_MESSAGES[405] });
    return;
  }
  const allowed = String(res.getHeader('Allow') ?? '').split(', ');
  sendOpen311(
    res,
    formatOf(req),
    405,
    [
      {
        code: 405,
        description: `Metode ${req.method} tidak didukung di sini; gunakan ${allowed.join(' atau ')}.`,
      },
    ],
    { root: 'errors', item: 'error' },
  );
}
