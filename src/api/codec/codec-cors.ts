import type { NextFunction, Request, Response } from 'express';

/**
 * CORS for the codec endpoint: the Temporal Web UI (TEMPORAL_UI_URL, another origin) calls it from
 * the operator's browser with credentials (its codec.includeCredentials), so that the codec cookie is
 * sent. Only that origin is answered; a preflight from any other gets no CORS headers (the browser
 * then refuses to send the request).
 */
export function codecCors(uiUrl: string) {
  const allowed = new URL(uiUrl).origin;
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    if (origin === allowed) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
    }
    res.append('Vary', 'Origin');
    if (req.method !== 'OPTIONS') return next();
    if (origin === allowed) {
      res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'content-type, x-namespace');
      res.setHeader('Access-Control-Max-Age', '600');
    }
    res.status(204).end();
  };
}
