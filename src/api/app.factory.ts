import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet, { xContentTypeOptions } from 'helmet';
import { Logger } from 'nestjs-pino';
import { type AppConfig, PROJECT_ROOT } from '../config/config';
import { AppModule } from './app.module';
import { ContentTypeInterceptor, JSON_BODY_LIMIT, jsonShapeLimit } from './common/body-limits';
import { methodNotAllowed } from './common/method-not-allowed';
import { completeOpenApiDocument, ErrorBody } from './common/openapi';
import { createValidationPipe } from './common/validation';

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
  app.use(jsonShapeLimit);
  app.setGlobalPrefix('api', { exclude: ['health', 'metrics'] });
  app.useGlobalInterceptors(new ContentTypeInterceptor(app.get(Reflector)));
  app.useGlobalPipes(createValidationPipe());
  servePublicWebsite(app);

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
  app.use(methodNotAllowed(document));
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
  const pageHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
  });
  const notForPages = /^\/(api|docs|docs-json|health|metrics)(\/|$)/;
  app.use((req: Request, res: Response, next: NextFunction) =>
    notForPages.test(req.path) ? next() : pageHeaders(req, res, next),
  );
  app.useStaticAssets(PUBLIC_DIR, { extensions: ['html'], index: 'index.html', maxAge: '10m' });
}
