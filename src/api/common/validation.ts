import { type ArgumentMetadata, type ValidationError, ValidationPipe } from '@nestjs/common';
import { badRequest } from './api-error';

/** class-validator's own rules speak English: these say them in Bahasa, by the field's path. */
const BUILT_IN_MESSAGES: Record<string, (field: string) => string> = {
  whitelistValidation: (field) => `Kolom "${field}" tidak dikenal.`,
  nestedValidation: (field) => `Kolom "${field}" harus berupa objek.`,
};
/** What NestJS's ValidationPipe says of a body that is not an object (an array, a string). */
const NOT_AN_OBJECT = 'Validation failed (object is expected)';

/**
 * One Bahasa Indonesia sentence per field at fault, by the field's path in the request body: the
 * first rule it breaks, in the order the DTO writes them (a missing value is told it is required,
 * not also that its format is wrong), so that a form can show it next to the field. The DTO's own
 * messages come before class-validator's built-in ones.
 */
export function validationFailures(errors: ValidationError[], prefix = ''): Record<string, string> {
  const failures: Record<string, string> = {};
  for (const e of errors) {
    const field = prefix + e.property;
    const rules = Object.entries(e.constraints ?? {});
    const own = rules.filter(([rule]) => !(rule in BUILT_IN_MESSAGES));
    // Decorators register bottom-up, so the rule written first in the DTO (its type, then whether it
    // is required, then length and format) is the last one class-validator reports.
    const [rule, message] = own.at(-1) ?? rules.at(-1) ?? [];
    if (rule !== undefined) failures[field] = BUILT_IN_MESSAGES[rule]?.(field) ?? message!;
    Object.assign(failures, validationFailures(e.children ?? [], `${field}.`));
  }
  return failures;
}

/** The request's body as a whole is not an object: there is no field to name. */
function isNotAnObject(errors: ValidationError[]): boolean {
  return errors.some((e) => e.constraints?.unknownValue || e.constraints?.isObject === NOT_AN_OBJECT);
}

const NOT_AN_OBJECT_MESSAGE = 'Isi permintaan harus berupa objek JSON.';

/**
 * A JSON array sent where the DTO is an object: class-transformer would read its indices as fields
 * ("Kolom "0" tidak dikenal." and every required field missing), so it is refused as a whole.
 */
class DtoValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // toValidate: a DTO class, not Array, Object, a primitive or no type at all.
    if (metadata.type === 'body' && Array.isArray(value) && this.toValidate(metadata))
      throw badRequest(NOT_AN_OBJECT_MESSAGE);
    return super.transform(value, metadata);
  }
}

/**
 * DTOs are validated at the edge: unknown fields refused, types converted, messages in Bahasa (400,
 * the sentences together in `message`, each by its field in `fields`).
 */
export function createValidationPipe(): ValidationPipe {
  return new DtoValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      if (isNotAnObject(errors)) return badRequest(NOT_AN_OBJECT_MESSAGE);
      const fields = validationFailures(errors);
      return badRequest(Object.values(fields).join(' '), fields);
    },
  });
}
