import {
  BadRequestException,
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { catchError, type Observable, throwError } from 'rxjs';
import type { AppConfig } from '../../config/config';
import { ApiError, badRequest } from '../common/api-error';
import { APP_CONFIG } from '../common/config.module';
import { megabytes, NO_FILE } from './attachments.service';

/**
 * Says in Bahasa Indonesia what multer refused (it speaks English): a file over the size limit
 * (413) or a malformed or unexpected multipart body (400). Bind it before FileInterceptor, so it
 * wraps it.
 */
@Injectable()
export class UploadErrorsInterceptor implements NestInterceptor {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((err: unknown) => {
        if (err instanceof PayloadTooLargeException) {
          return throwError(
            () =>
              new ApiError(
                413,
                `Berkas terlalu besar. Ukuran paling besar ${megabytes(this.config.attachmentMaxBytes)}.`,
              ),
          );
        }
        if (err instanceof BadRequestException && !(err instanceof ApiError)) {
          return throwError(() =>
            badRequest(`${NO_FILE} Kirim tepat satu berkas per permintaan, tanpa kolom lain.`),
          );
        }
        return throwError(() => err);
      }),
    );
  }
}
