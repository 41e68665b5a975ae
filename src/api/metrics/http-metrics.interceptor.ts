import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { type Observable, tap } from 'rxjs';
import { MetricsService } from './metrics.service';

/** Times every handled request, labelled by its route pattern (not the raw URL: bounded labels). */
@Injectable()
export class HttpMetricsInterceptor implements NestInterceptor {
  constructor(private readonly metrics: MetricsService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const end = this.metrics.httpDuration.startTimer({
      method: req.method,
      route: req.route?.path ?? 'unknown',
    });
    const done = () => end({ status: String(res.statusCode) });
    return next.handle().pipe(tap({ next: done, error: done }));
  }
}
