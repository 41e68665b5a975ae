import { type ValidationError, ValidationPipe } from '@nestjs/common';
import { badRequest } from './api-error';

/** Flattens class-validator errors into one Bahasa Indonesia sentence per problem. */
export function validationMessages(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const field = prefix + e.property;
    const own = Object.entries(e.constraints ?? {}).map(([rule, message]) =>
      // class-validator's own text for unknown fields is English: say it ourselves.
      rule === 'whitelistValidation' ? `Kolom "${field}" tidak dikenal.` : message,
    );
    return [...own, ...validationMessages(e.children ?? [], `${field}.`)];
  });
}

/** DTOs are validated at the edge: unknown fields refused, types converted, messages in Bahasa. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => badRequest(validationMessages(errors).join(' ')),
  });
}
