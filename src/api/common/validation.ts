import { type ValidationError, ValidationPipe } from '@nestjs/common';
import { badRequest } from './api-error';

const BUILT_IN_MESSAGES: Record<string, (field: string) => string> = {
  whitelistValidation: (field) => `Kolom "${field}" tidak dikenal.`,
  nestedValidation: (field) => `Kolom "${field}" harus berupa objek.`,
  unknownValue: () => 'Isi permintaan harus berupa objek JSON.',
};

/**
 * One Bahasa Indonesia sentence per field at fault, by the field's path in the request body: the
 * first rule it breaks (a value of the wrong type is not also told it is too long), so that a form
 * can show it next to the field.
 */
export function validationFailures(errors: ValidationError[], prefix = ''): Record<string, string> {
  const failures: Record<string, string> = {};
  for (const e of errors) {
    const field = prefix + e.property;
    const [rule, message] = Object.entries(e.constraints ?? {})[0] ?? [];
    // class-validator's built-in rules speak English: say those ourselves.
    if (rule !== undefined) failures[field] = BUILT_IN_MESSAGES[rule]?.(field) ?? message!;
    Object.assign(failures, validationFailures(e.children ?? [], `${field}.`));
  }
  return failures;
}

/**
 * DTOs are validated at the edge: unknown fields refused, types converted, messages in Bahasa (400,
 * the sentences together in `message`, each by its field in `fields`).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = validationFailures(errors);
      return badRequest(Object.values(fields).join(' '), fields);
    },
  });
}
