/**
 * Dates in requests: RFC 3339 `full-date` (2026-11-01) and `date-time` (2026-11-27T08:30:00+07:00),
 * checked by one pattern each plus the calendar (no 31 April), so the server takes exactly what the
 * OpenAPI document's `format` and `pattern` describe (src/api/common/openapi.ts reads DATE_SCHEMAS).
 */
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ValidateBy, type ValidationOptions } from 'class-validator';

// Years 2000-2099: the holiday calendars (and the office) know no others.
const FULL_DATE = '20\\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])';
const TIME = 'T([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d{1,3})?(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d)';
export const DATE_PATTERN = `^${FULL_DATE}$`;
export const DATE_TIME_PATTERN = `^${FULL_DATE}${TIME}$`;

const DATE = { type: 'string', format: 'date', pattern: DATE_PATTERN } as const;
const DATE_TIME = { type: 'string', format: 'date-time', pattern: DATE_TIME_PATTERN } as const;

/** The schema of each validator below, by its class-validator name. */
export const DATE_SCHEMAS: Record<string, SchemaObject> = {
  isIsoDate: { ...DATE },
  isIsoDateTime: { ...DATE_TIME },
  isIsoDateOrDateTime: { type: 'string', anyOf: [{ ...DATE }, { ...DATE_TIME }] },
};

/** Whether YYYY-MM-DD at the start of `value` is a day of the calendar. */
function isCalendarDate(value: string): boolean {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(2000, m - 1, d));
  date.setUTCFullYear(y);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const matcher = (pattern: string) => {
  const re = new RegExp(pattern);
  return (value: unknown) => typeof value === 'string' && re.test(value) && isCalendarDate(value);
};
export const isIsoDate = matcher(DATE_PATTERN);
export const isIsoDateTime = matcher(DATE_TIME_PATTERN);

/** A calendar date, YYYY-MM-DD. */
export const IsIsoDate = (options: ValidationOptions) =>
  ValidateBy({ name: 'isIsoDate', validator: { validate: isIsoDate } }, options);

/** A moment with its offset, YYYY-MM-DDTHH:mm:ss[.SSS](Z|+HH:mm). */
export const IsIsoDateTime = (options: ValidationOptions) =>
  ValidateBy({ name: 'isIsoDateTime', validator: { validate: isIsoDateTime } }, options);

/** Either of the two. */
export const IsIsoDateOrDateTime = (options: ValidationOptions) =>
  ValidateBy(
    { name: 'isIsoDateOrDateTime', validator: { validate: (v) => isIsoDate(v) || isIsoDateTime(v) } },
    options,
  );
