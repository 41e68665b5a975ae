import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { type NextFunction, type Request, type Response, urlencoded } from 'express';
import helmet, { xContentTypeOptions } from 'helmet';
import { Logger } from 'nestjs-pino';
import { type AppConfig, PROJECT_ROOT } from '../config/config';
import { AppModule } from './app.module';
import { CODEC_PATH } from './auth/codec-cookie';
import { codecCors } from './codec/codec-cors';
import { ContentTypeInterceptor, JSON_BODY_LIMIT, jsonShapeLimit } from './common/body-limits';
import { methodNotAllowed } from './common/method-not-allowed';
import { completeOpenApiDocument, ErrorBody } from './common/openapi';
import { createValidationPipe } from './common/validation';
import { OPEN311_BASE } from './open311/open311.controller';
import { answerMethodNotAllowed, open311BodyErrors } from './open311/open311-format';

/** Builds the configured Nest application (used by main.ts and by the e2e tests). */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    // Our own JSON parser below, and no form-encoded parser at all (src/api/common/body-limits.ts).
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  if (config.trustProxy) app.getHttpAdapter().getInstance().set('trust proxy', true);
  // No ETag hashing of every JSON answer: API answers are not cached (static pages keep theirs).
  app.getHttpAdapter().getInstance().set('etag', false);
  // Every answer (API, docs, metrics, pages, errors): no framework banner, no MIME sniffing.
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  app.use(xContentTypeOptions());
  // JSON bodies only as application/json, limited in size, depth and member count before validation.
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT, type: 'application/json' });
  // Form fields only where a standard posts them: Open311 GeoReport v2 (src/api/open311/).
  app.use(
    OPEN311_BASE,
    urlencoded({ extended: false, limit: JSON_BODY_LIMIT, parameterLimit: 100 }),
    // A NUL in a form field or name is refused here, so in the standard's error format.
    jsonShapeLimit,
    open311BodyErrors,
  );
  app.use(jsonShapeLimit);
  // The Temporal Web UI's codec endpoint (src/api/codec): its preflight and credentials from the UI's origin.
  app.use(CODEC_PATH, codecCors(config.temporal.uiUrl));
  app.setGlobalPrefix('api', {
    exclude: ['health', 'metrics', `${OPEN311_BASE.slice(1)}/{*path}`, `${CODEC_PATH.slice(1)}/{*path}`],
  });
  app.useGlobalInterceptors(new ContentTypeInterceptor(app.get(Reflector)));
  app.useGlobalPipes(createValidationPipe());
  servePublicWebsite(app);
  serveStaffConsole(app, config);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Layanan Pengaduan DPM-PTSP Kota Prabumulih')
      .setDescription('API penanganan pengaduan perizinan (SOP 10 hari kerja).')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
    { extraModels: [ErrorBody] },
  );
  completeOpenApiDocument(app, document);
  app.use(methodNotAllowed(document, answerMethodNotAllowed));
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    // The token entered under "Authorize" survives a reload of /docs.
    swaggerOptions: { persistAuthorization: true },
  });
  return app;
}

/** The citizens' pages (public/): the complaint form at /, tracking at /lacak. */
export const PUBLIC_DIR = path.join(PROJECT_ROOT, 'public');

/**
 * Static pages with a strict Content-Security-Policy: scripts and styles only from this origin, no
 * inline script, no framing, forms and fetches only to this origin. (Not for /docs, whose Swagger UI
 * needs inline script, nor the JSON API.)
 */
function servePublicWebsite(app: NestExpressApplication): void {
  const pageHeaders = strictPageHeaders(["'self'", 'data:']);
  const notForPages = /^\/(api|docs|docs-json|health|metrics|staf|open311|codec)(\/|$)/;
  app.use((req: Request, res: Response, next: NextFunction) =>
    notForPages.test(req.path) ? next() : pageHeaders(req, res, next),
  );
  app.useStaticAssets(PUBLIC_DIR, { extensions: ['html'], index: 'index.html', maxAge: '10m' });
}

/** The staff console's build (scripts/build-console.mjs), served at /staf. */
export const CONSOLE_DIR = path.join(PROJECT_ROOT, 'dist', 'console');

/**
 * The staff console at /staf: its hashed script and stylesheet (cached long, their names change with
 * their content), /staf/config.json (the Temporal Web UI address for ADMIN's workflow links) and
 * index.html for /staf and every deep link under it (the console routes in the browser). Same strict
 * Content-Security-Policy as the public pages, except that images may also be `blob:` URLs: evidence
 * is downloaded with the session's token and shown from memory.
 */
function serveStaffConsole(app: NestExpressApplication, config: AppConfig): void {
  const pageHeaders = strictPageHeaders(["'self'", 'data:', 'blob:']);
  const express = app.getHttpAdapter().getInstance();
  const index = path.join(CONSOLE_DIR, 'index.html');
  const consoleConfig = {
    temporalUiUrl: config.temporal.uiUrl,
    temporalNamespace: config.temporal.namespace,
  };
  express.use('/staf', pageHeaders);
  express.get('/staf/config.json', (_req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.json(consoleConfig);
  });
  // No directory redirect: /staf itself is the page (below), not /staf/.
  app.useStaticAssets(CONSOLE_DIR, {
    prefix: '/staf/',
    index: false,
    redirect: false,
    immutable: true,
    maxAge: '365d',
  });
  express.get(['/staf', '/staf/{*path}'], (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    // An asset name that does not exist is a 404, not the page (a stale cached index asking for it).
    if (/\.(js|css|map|json|png|svg|ico)$/.test(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index, (err) => {
      if (err && !res.headersSent) {
        res
          .status(503)
          .type('text/plain')
          .send('Konsol petugas belum dibangun: jalankan `npm run build:console`.');
      }
    });
  });
}

/** Helmet with the pages' strict Content-Security-Policy (images from `imgSrc`). */
function strictPageHeaders(imgSrc: string[]) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc,
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
