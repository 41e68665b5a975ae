import { AsyncLocalStorage } from 'node:async_hooks';
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { Observable } from 'rxjs';

/**
 * The HTTP request a piece of code runs for, so the access log of personal-data reads can say
 * through which endpoint and from which address data was read without every service and
 * controller passing the request along.
 */
const current = new AsyncLocalStorage<Request>();

/** The request being handled, if any (undefined outside an HTTP request, e.g. in a unit test). */
export function currentRequest(): Request | undefined {
  return current.getStore();
}

/** Runs each handler inside its request's context (a global interceptor). */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    // The handler runs when the stream is subscribed: subscribe inside the context.
    return new Observable((subscriber) => current.run(req, () => next.handle().subscribe(subscriber)));
  }
}
