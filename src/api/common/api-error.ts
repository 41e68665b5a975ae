import { HttpException } from '@nestjs/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { REJECTION } from '../../../workflows/complaint/definitions';

/**
 * An error whose message is written for the user, in Bahasa Indonesia. The ErrorBodyFilter passes
 * these messages through; any other exception gets a generic message for its status code.
 */
export class ApiError extends HttpException {
  constructor(status: number, message: string) {
    super({ statusCode: status, message }, status);
  }
}

export const badRequest = (message: string) => new ApiError(400, message);
export const unauthorized = (message = 'Anda harus masuk (login) terlebih dahulu.') =>
  new ApiError(401, message);
export const forbidden = (message = 'Anda tidak berwenang melakukan tindakan ini.') =>
  new ApiError(403, message);
export const notFound = (message: string) => new ApiError(404, message);
export const conflict = (message: string) => new ApiError(409, message);
export const unprocessable = (message: string) => new ApiError(422, message);
export const unavailable = (message: string) => new ApiError(503, message);

const STATUS_OF_REJECTION: Record<string, number> = {
  [REJECTION.CONFLICT]: 409,
  [REJECTION.RULE]: 422,
  [REJECTION.INVALID]: 400,
  [REJECTION.NOT_FOUND]: 404,
  [REJECTION.FORBIDDEN]: 403,
};

/** Turns what the workflow or Temporal answered into the HTTP error the API gives. */
export function fromTemporalError(err: unknown): ApiError | unknown {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    const status = STATUS_OF_REJECTION[err.cause.type ?? ''];
    if (status) return new ApiError(status, err.cause.message);
  }
  if (err instanceof WorkflowNotFoundError) return notFound('Proses pengaduan tidak ditemukan.');
  return err;
}
