import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { finalize, type Observable } from 'rxjs';

/**
 * Counts the request handlers still running, so a graceful shutdown can wait for them before it
 * closes the database and Temporal connections. A handler keeps running after its client hung up
 * (the HTTP server then no longer sees the request): an intake half done must still start its workflow.
 */
@Injectable()
export class InFlightRequests implements NestInterceptor {
  private running = 0;
  private waiters: (() => void)[] = [];

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    this.running++;
    return next.handle().pipe(
      finalize(() => {
        this.running--;
        if (this.running === 0) for (const resolve of this.waiters.splice(0)) resolve();
      }),
    );
  }

  get count(): number {
    return this.running;
  }

  /** Resolves once no handler is running. */
  idle(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
