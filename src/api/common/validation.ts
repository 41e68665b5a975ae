import { type ValidationError, ValidationPipe } from '@nestjs/common';
import { badRequest } from './api-error';

const BUILT_IN_MESSAGES: Record<string, (field: string) => string> = {
  whitelistValidation: (field) => `Kolom "${field}" tidak dikenal.`,
  nestedValidation: (field) => `Kolom "${field}" harus berupa objek.`,
  unknownValue: () => 'Isi permintaan harus berupa objek JSON.',
};

/** Flattens class-validator errors into one Bahasa Indonesia sentence per problem. */
export function validationMessages(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const field = prefix + e.property;
    // class-validator's built-in rules speak English: say those ourselves.
    const own = Object.entries(e.constraints ?? {}).map(
      ([rule, message]) => BUILT_IN_MESSAGES[rule]?.(field) ?? message,
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
