import type { OpenAPIObject } from '@nestjs/swagger';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { escapeRegExp } from '../../domain/regexp';
import { DEFAULT_MESSAGES, ERROR_NAMES } from './error-body.filter';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * 405 Method Not Allowed, with an `Allow` header, for a method a documented path does not take
 * (Express would answer 404, as if the path did not exist). The paths and their methods come from
 * the OpenAPI document, which lists every route of the API.
 */
export function methodNotAllowed(
  document: OpenAPIObject,
  /** Answers the 405 in another format where a path needs one (Open311's error list); else JSON. */
  answer: (req: Request, res: Response) => void = (_req, res) => {
    res.status(405).json({ statusCode: 405, error: ERROR_NAMES[405], message: DEFAULT_MESSAGES[405] });
  },
): RequestHandler {
  const routes = Object.entries(document.paths).map(([template, item]) => {
    const pattern = template
      .split(/\{[^}]+\}/)
      .map(escapeRegExp)
      .join('[^/]+');
    const methods = METHODS.filter((m) => item[m]).map((m) => m.toUpperCase());
    return { pattern: new RegExp(`^${pattern}/?$`), methods, params: (template.match(/\{/g) ?? []).length };
  });
  return (req: Request, res: Response, next: NextFunction) => {
    let matching = routes.filter((r) => r.pattern.test(req.path));
    if (matching.length === 0) return next();
    // The most specific path decides (/api/users/me before /api/users/{id}).
    const fewest = Math.min(...matching.map((r) => r.params));
    matching = matching.filter((r) => r.params === fewest);
    const allowed = [...new Set(matching.flatMap((r) => r.methods))];
    // Express answers HEAD with the GET route.
    if (allowed.includes(req.method) || (req.method === 'HEAD' && allowed.includes('GET'))) return next();
    res.setHeader('Allow', allowed.join(', '));
    answer(req, res);
  };
}
