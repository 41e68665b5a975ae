/**
 * What a request body may be, checked before any handler, pipe or validator sees it:
 * - JSON only as `application/json`, at most JSON_BODY_LIMIT, nested at most JSON_MAX_DEPTH levels and
 *   with at most JSON_MAX_MEMBERS object keys and array items in total (deeper or larger bodies once
 *   overflowed the validator's stack: a 500 on every JSON endpoint);
 * - on POST, PUT and PATCH with a body: `application/json` for JSON endpoints, `multipart/form-data` for
 *   uploads (@AcceptsMultipart()), anything else 415. No form-encoded body is ever parsed, so a form on
 *   another site cannot post to the API without a CORS preflight.
 */
import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { ApiError, badRequest } from './api-error';

/** Largest JSON body (Express's default, kept explicit). */
export const JSON_BODY_LIMIT = '100kb';
/** Deepest nesting of objects and arrays in a JSON body (the top-level object is level 1). */
export const JSON_MAX_DEPTH = 32;
/** Most object keys plus array items in a JSON body, counted over every level. */
export const JSON_MAX_MEMBERS = 1000;

export const JSON_TOO_DEEP = `Isi permintaan JSON terlalu bertingkat (paling banyak ${JSON_MAX_DEPTH} tingkat).`;
export const JSON_TOO_MANY_MEMBERS = `Isi permintaan JSON memuat terlalu banyak kolom atau butir (paling banyak ${JSON_MAX_MEMBERS}).`;
/** A NUL in a JSON body or in a form field (Open311): the same check answers both. */
export const BODY_NUL_CHARACTER = 'Isi permintaan memuat karakter NUL (\\u0000), yang tidak diterima.';
export const JSON_REQUIRED =
  'Jenis isi permintaan tidak didukung. Kirim data sebagai JSON (Content-Type: application/json).';
export const MULTIPART_REQUIRED =
  'Jenis isi permintaan tidak didukung. Kirim berkas sebagai multipart/form-data pada kolom "file".';

export interface JsonShapeLimits {
  maxDepth: number;
  maxMembers: number;
}

/**
 * Why a parsed JSON value exceeds the limits ('depth' or 'members'), or null. Iterative (an explicit
 * stack), so no input can overflow the call stack, and it stops at the first limit crossed.
 */
export function jsonShapeProblem(
  value: unknown,
  limits: JsonShapeLimits = { maxDepth: JSON_MAX_DEPTH, maxMembers: JSON_MAX_MEMBERS },
): 'depth' | 'members' | 'nul' | null {
  if (typeof value === 'string') return value.includes('\u0000') ? 'nul' : null;
  if (value === null || typeof value !== 'object') return null;
  const stack: [object, number][] = [[value, 1]];
  let members = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limits.maxDepth) return 'depth';
    const children = Array.isArray(node) ? node : Object.values(node);
    members += children.length;
    if (members > limits.maxMembers) return 'members';
    // The databases refuse a NUL inside text (a 5xx much later): refused here, keys included.
    if (!Array.isArray(node) && Object.keys(node).some((k) => k.includes('\u0000'))) return 'nul';
    for (const child of children)
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
      else if (typeof child === 'string' && child.includes('\u0000')) return 'nul';
  }
  return null;
}

/**
 * Express middleware: refuses (400) a parsed body (JSON, or Open311's form) nested too deeply, with too
 * many members, or with a NUL character in a key or a text.
 */
export function jsonShapeLimit(req: Request, _res: Response, next: NextFunction): void {
  const problem = jsonShapeProblem(req.body);
  if (problem === 'depth') next(badRequest(JSON_TOO_DEEP));
  else if (problem === 'members') next(badRequest(JSON_TOO_MANY_MEMBERS));
  else if (problem === 'nul') next(badRequest(BODY_NUL_CHARACTER));
  else next();
}

const BODY_KIND = 'pengaduan:body-kind';

/** Marks an upload endpoint: its body must be multipart/form-data (JSON endpoints are the default). */
export const AcceptsMultipart = () => SetMetadata(BODY_KIND, 'multipart');

/**
 * Marks an endpoint whose standard posts form fields (Open311 GeoReport v2): its body must be
 * application/x-www-form-urlencoded, parsed only under the paths given to `urlencoded` in app.factory.
 */
export const AcceptsForm = () => SetMetadata(BODY_KIND, 'form');

export const FORM_REQUIRED =
  'Jenis isi permintaan tidak didukung. Kirim data sebagai formulir (Content-Type: application/x-www-form-urlencoded).';

const BODY_TYPES: Record<string, { type: string; message: string }> = {
  json: { type: 'application/json', message: JSON_REQUIRED },
  multipart: { type: 'multipart/form-data', message: MULTIPART_REQUIRED },
  form: { type: 'application/x-www-form-urlencoded', message: FORM_REQUIRED },
};

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** A body is present when it is chunked or has a non-zero length (an empty POST is not a body). */
function hasBody(req: Request): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = Number(req.headers['content-length']);
  return Number.isFinite(length) && length > 0;
}

/**
 * 415 for a body of the wrong media type: JSON endpoints take `application/json` only, uploads
 * `multipart/form-data` only. A global interceptor, so the route's own marking decides and it runs
 * after authentication and authorisation (401/403 first) but before multer reads an upload (a
 * route interceptor) and before any pipe validates a JSON body.
 */
@Injectable()
export class ContentTypeInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const req = context.switchToHttp().getRequest<Request>();
      if (METHODS_WITH_BODY.has(req.method) && hasBody(req)) {
        const kind =
          this.reflector.getAllAndOverride<string>(BODY_KIND, [context.getHandler(), context.getClass()]) ??
          'json';
        const expected = BODY_TYPES[kind] ?? BODY_TYPES.json;
        if (!req.is(expected.type)) throw new ApiError(415, expected.message);
      }
    }
    return next.handle();
  }
}
