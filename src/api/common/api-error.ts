import { HttpException } from '@nestjs/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { REJECTION } from '../../../workflows/complaint/definitions';
import { REFUSAL_TYPES, type Refusal, type RefusalType } from '../../domain/complaint-rules';

/**
 * An error whose message is written for the user, in Bahasa Indonesia. The ErrorBodyFilter passes
 * these messages through; any other exception gets a generic message for its status code.
 */
export class ApiError extends HttpException {
  /**
   * @param fields the message for each field at fault, by its path in the request body
   *   (`complainant.nik`), so that a form can show it next to that field.
   */
  constructor(
    status: number,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super({ statusCode: status, message }, status);
  }
}

export const badRequest = (message: string, fields?: Record<string, string>) =>
  new ApiError(400, message, fields);
export const unauthorized = (message = 'Anda harus masuk (login) terlebih dahulu.') =>
  new ApiError(401, message);
export const forbidden = (message = 'Anda tidak berwenang melakukan tindakan ini.') =>
  new ApiError(403, message);
export const notFound = (message: string) => new ApiError(404, message);
export const conflict = (message: string) => new ApiError(409, message);
export const unprocessable = (message: string, fields?: Record<string, string>) =>
  new ApiError(422, message, fields);
export const unavailable = (message: string) => new ApiError(503, message);

/** The HTTP status of each kind of refusal, whether the API or the workflow refused. */
const STATUS_OF_REFUSAL: Record<RefusalType, number> = {
  CONFLICT: 409,
  RULE: 422,
  INVALID: 400,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
};

/** The same, by the ApplicationFailure type the workflow's validators throw. */
const STATUS_OF_REJECTION: Record<string, number> = Object.fromEntries(
  REFUSAL_TYPES.map((type) => [REJECTION[type], STATUS_OF_REFUSAL[type]]),
);

/** A domain rule's refusal (src/domain/complaint-rules.ts) as the HTTP error the API gives. */
export function fromRefusal(refusal: Refusal): ApiError {
  return new ApiError(STATUS_OF_REFUSAL[refusal.type], refusal.message);
}

/** Throws a domain rule's refusal as its HTTP error, if there is one. */
export function throwIfRefused(refusal: Refusal | null): void {
  if (refusal) throw fromRefusal(refusal);
}

/** Turns what the workflow or Temporal answered into the HTTP error the API gives. */
export function fromTemporalError(err: unknown): ApiError | unknown {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    const status = STATUS_OF_REJECTION[err.cause.type ?? ''];
    if (status) return new ApiError(status, err.cause.message);
  }
  if (err instanceof WorkflowNotFoundError) return notFound('Proses pengaduan tidak ditemukan.');
  return err;
}
