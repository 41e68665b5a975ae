/**
 * Completes the generated OpenAPI document in one place, so that it says what the server does:
 *
 * - every error status an operation can answer, each with the ErrorBody schema, derived from the
 *   route (body, parameters, @Public, @Allow, rate limiting) plus what the controllers declare;
 * - request schemas carry the class-validator rules of the DTOs (lengths, patterns, enums, ranges,
 *   array sizes, required and optional fields, no unknown fields), read from class-validator's own
 *   metadata, so the schemas cannot drift from the validation;
 * - one header parameter per name (HTTP headers are case-insensitive): a `@Headers('x')` argument
 *   is documented by the controller's @ApiHeader, not a second, required parameter.
 *
 * Schemathesis (scripts/schemathesis.sh) checks the result against the running server.
 */

import { type INestApplication, SetMetadata } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { ApiProperty, ApiPropertyOptional, type OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  ParameterObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ThrottlerGuard } from '@nestjs/throttler';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { ALLOWED, IS_PUBLIC } from '../auth/auth.decorators';
import { DATE_SCHEMAS } from './dates';
import { ERROR_NAMES } from './error-body.filter';

/** Every error body of the API. */
export class ErrorBody {
  @ApiProperty({ type: 'integer', example: 404, description: 'HTTP status code' }) statusCode!: number;
  @ApiProperty({ example: 'Not Found', description: 'HTTP reason phrase' }) error!: string;
  @ApiProperty({ example: 'Pengaduan tidak ditemukan.', description: 'Pesan dalam Bahasa Indonesia' })
  message!: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { 'complainant.nik': 'NIK tidak sah: tanggal lahir (digit 7-12) tidak mungkin.' },
    description:
      'Pesan per kolom yang salah, menurut jalurnya dalam isi permintaan (hanya bila aturan menyebut kolomnya)',
  })
  fields?: Record<string, string>;
}

const SCHEMA_RULES = 'openapi:schemaRules';

/**
 * A rule across fields of a request DTO that its class-validator rules cannot say (and the service
 * checks): JSON Schema keywords added to the DTO's component, e.g. `anyOf` of the allowed shapes.
 */
export const ApiSchemaRule =
  (rule: SchemaObject): ClassDecorator =>
  (target) =>
    Reflect.defineMetadata(SCHEMA_RULES, rule, target);

/** What each error status means, when the controller does not say it more precisely. */
const DEFAULT_DESCRIPTIONS: Record<number, string> = {
  400: 'Data permintaan tidak valid.',
  401: 'Tanpa token atau token tidak valid.',
  403: 'Peran atau unit Anda tidak berwenang.',
  404: 'Data tidak ditemukan.',
  409: 'Tidak sesuai dengan keadaan saat ini.',
  413: 'Data yang dikirim terlalu besar.',
  415: 'Jenis data yang dikirim tidak didukung.',
  422: 'Ditolak oleh aturan SOP.',
  429: 'Terlalu banyak permintaan.',
  503: 'Basis data atau mesin proses (Temporal) tidak dapat dihubungi.',
};

type Schema = SchemaObject & { nullable?: boolean };
type Handler = { controller: Function; handler: Function };
const GUARDS_METADATA = '__guards__';

/** Completes `document` in place (see the module comment). */
export function completeOpenApiDocument(app: INestApplication, document: OpenAPIObject): void {
  const handlers = handlersByOperationId(app);
  const reflector = new Reflector();
  const schemas = document.components?.schemas ?? {};
  const refined = new Set<string>();

  for (const methods of Object.values(document.paths)) {
    for (const op of Object.values(methods) as OperationObject[]) {
      if (!op || typeof op !== 'object' || !('responses' in op)) continue;
      const route = op.operationId ? handlers.get(op.operationId) : undefined;
      dedupeHeaders(op);
      if (route) {
        const body = dtoOf(route, RouteParamtypes.BODY);
        if (body) refineComponent(body, schemas, refined);
        else applyDocumentedBodyRules(route, schemas);
        const query = dtoOf(route, RouteParamtypes.QUERY);
        if (query) refineQueryParameters(op, query);
      }
      documentErrors(op, route, reflector);
    }
  }
  // Request bodies only: answers may quote what was sent (an unknown field's name, for one).
  for (const name of refined) refuseNul(schemas[name] as Schema);
}

/** The regular expression of text without a NUL character. */
const NO_NUL_PATTERN = '^[^\\x00]*$';
/** `\\S` (not blank) as the server reads it: NUL-free text with a character that is not space. */
const NOT_BLANK_NO_NUL_PATTERN = '^[^\\x00]*[^\\s\\x00][^\\x00]*$';

/**
 * Free text in a JSON body never holds a NUL character (the databases refuse it; the body check
 * answers 400): every string schema of a request body says so. Formats other than `password` (a
 * display hint) and the anchored patterns of the DTOs (codes, dates, phone numbers) already leave NUL
 * out; the one unanchored pattern, `\\S` (not blank), gets its NUL-free equivalent.
 */
function refuseNul(schema: Schema | undefined): void {
  if (!schema || typeof schema !== 'object' || '$ref' in schema) return;
  if (schema.type === 'string' && !schema.enum) {
    if (schema.pattern === '\\S') schema.pattern = NOT_BLANK_NO_NUL_PATTERN;
    else if (!schema.pattern && (!schema.format || schema.format === 'password'))
      schema.pattern = NO_NUL_PATTERN;
  }
  for (const child of Object.values(schema.properties ?? {})) refuseNul(child as Schema);
  if (schema.items) refuseNul(schema.items as Schema);
  for (const list of [schema.allOf, schema.anyOf, schema.oneOf])
    for (const child of list ?? []) refuseNul(child as Schema);
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object')
    refuseNul(schema.additionalProperties as Schema);
}

/** `${Controller}_${method}` (the document's default operationId) → the route's class and method. */
function handlersByOperationId(app: INestApplication): Map<string, Handler> {
  const out = new Map<string, Handler>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Function | undefined;
      if (!controller?.prototype) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name];
        if (name !== 'constructor' && typeof handler === 'function')
          out.set(`${controller.name}_${name}`, { controller, handler });
      }
    }
  }
  return out;
}

/** The DTO class of the route's @Body() or @Query() argument (whole object, not one field). */
function dtoOf(route: Handler, type: RouteParamtypes): Function | undefined {
  const args: Record<string, { index: number; data?: unknown }> =
    Reflect.getMetadata(ROUTE_ARGS_METADATA, route.controller, route.handler.name) ?? {};
  const types: Function[] =
    Reflect.getMetadata('design:paramtypes', route.controller.prototype, route.handler.name) ?? [];
  for (const [key, arg] of Object.entries(args)) {
    if (key.split(':')[0] !== String(type) || arg.data !== undefined) continue;
    const dto = types[arg.index];
    if (dto && ![Object, String, Number, Boolean, Array].includes(dto as never)) return dto;
  }
  return undefined;
}

/**
 * A body that no @Body() parameter carries (a multipart upload, which multer parses) is documented
 * with @ApiBody({ type }); that class's @ApiSchemaRule still applies to its component.
 */
function applyDocumentedBodyRules(route: Handler, schemas: Record<string, Schema | ReferenceObject>) {
  const parameters: { in?: string; type?: unknown }[] =
    Reflect.getMetadata('swagger/apiParameters', route.handler) ?? [];
  for (const { in: where, type } of parameters) {
    if (where !== 'body' || typeof type !== 'function') continue;
    const schema = schemas[type.name] as Schema | undefined;
    const rule = Reflect.getMetadata(SCHEMA_RULES, type);
    if (schema && !('$ref' in schema) && rule) Object.assign(schema, rule);
  }
}

/** Metadata: the content of a controller's error answers when they are not the API's ErrorBody. */
const ERROR_CONTENT = 'pengaduan:openapi-error-content';

/**
 * Documents a controller's errors with its own content (a standard's error format, Open311) instead
 * of the ErrorBody every other route answers with.
 */
export const ApiErrorContent = (content: Record<string, { schema: SchemaObject | ReferenceObject }>) =>
  SetMetadata(ERROR_CONTENT, content);

function documentErrors(op: OperationObject, route: Handler | undefined, reflector: Reflector): void {
  const statuses = new Set<number>();
  const parameters = (op.parameters ?? []) as ParameterObject[];
  const hasBody = !!op.requestBody;
  if (hasBody || parameters.some((p) => p.in === 'query' || p.in === 'header')) statuses.add(400);
  if (parameters.some((p) => p.in === 'path')) statuses.add(404);
  if (hasBody) {
    // Express's body parsers: too large, and a media type the route does not take.
    statuses.add(413);
    statuses.add(415);
  }
  if (route) {
    const targets = [route.handler, route.controller];
    if (!reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      statuses.add(401);
      if (reflector.getAllAndOverride(ALLOWED, targets)) statuses.add(403);
    }
    const guards: unknown[] = [
      ...(Reflect.getMetadata(GUARDS_METADATA, route.handler) ?? []),
      ...(Reflect.getMetadata(GUARDS_METADATA, route.controller) ?? []),
    ];
    if (guards.includes(ThrottlerGuard)) statuses.add(429);
  }
  // The database (every route reads or writes it) or Temporal may be unreachable.
  statuses.add(503);

  const responses = op.responses as Record<string, ResponseObject | ReferenceObject>;
  const errorContent = route
    ? reflector.getAllAndOverride<ResponseObject['content']>(ERROR_CONTENT, [route.handler, route.controller])
    : undefined;
  for (const status of statuses) responses[status] ??= { description: DEFAULT_DESCRIPTIONS[status] };
  for (const [status, response] of Object.entries(responses)) {
    const code = Number(status);
    if (!(code >= 400) || '$ref' in response) continue;
    response.description ||= DEFAULT_DESCRIPTIONS[code] ?? ERROR_NAMES[code] ?? 'Error';
    response.content = errorContent ?? {
      'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } },
    };
  }
  // Keep the responses in status order, as a reader expects.
  op.responses = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
}

/** Keeps one parameter per header name: the documented (@ApiHeader) one, which says whether it is required. */
function dedupeHeaders(op: OperationObject): void {
  const parameters = (op.parameters ?? []) as ParameterObject[];
  const headers = new Map<string, ParameterObject[]>();
  for (const p of parameters) {
    if (p.in !== 'header') continue;
    const key = p.name.toLowerCase();
    headers.set(key, [...(headers.get(key) ?? []), p]);
  }
  const drop = new Set<ParameterObject>();
  for (const group of headers.values()) {
    if (group.length < 2) continue;
    // @Headers('x') yields {name: 'x', required: true, schema: {type: 'string'}}; @ApiHeader has a description.
    const keep = group.find((p) => p.description !== undefined) ?? group[0];
    for (const p of group) if (p !== keep) drop.add(p);
  }
  if (drop.size > 0) op.parameters = parameters.filter((p) => !drop.has(p));
}

// ---------------------------------------------------------------------------------------------
// class-validator rules → JSON Schema keywords

function rulesOf(dto: Function): Map<string, ValidationMetadata[]> {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const m of metadata) byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m]);
  return byProperty;
}

/** class-validator's ValidationTypes of @IsOptional() and @ValidateNested(). */
const CONDITIONAL = 'conditionalValidation';
const NESTED = 'nestedValidation';

const isOptional = (rules: ValidationMetadata[]) =>
  rules.some((r) => r.type === CONDITIONAL && r.name === 'isOptional');

/** Applies one property's rules to its schema (to the items for `each` rules of an array). */
function applyRules(schema: Schema, rules: ValidationMetadata[]): void {
  const isArray = schema.type === 'array' && !!schema.items && !('$ref' in schema.items);
  for (const rule of rules) {
    // An `each` rule on items given by reference (an enum component) is that component's to describe:
    // applied to the array itself it would make every array invalid.
    if (rule.each && schema.type === 'array' && !isArray) continue;
    const target: Schema = rule.each && isArray ? (schema.items as Schema) : schema;
    const [a] = rule.constraints ?? [];
    switch (rule.name) {
      case 'isIn':
        target.enum = [...(a as unknown[])];
        break;
      case 'isInt':
        target.type = 'integer';
        break;
      case 'min':
        target.minimum = a as number;
        break;
      case 'max':
        target.maximum = a as number;
        break;
      case 'maxLength':
        target.maxLength = a as number;
        break;
      case 'minLength':
        target.minLength = Math.max(target.minLength ?? 0, a as number);
        break;
      case 'isNotEmpty':
        if (target.type === 'string') target.minLength = Math.max(target.minLength ?? 0, 1);
        break;
      case 'matches':
        target.pattern = (a as RegExp).source;
        break;
      case 'arrayMinSize':
        target.minItems = a as number;
        break;
      case 'arrayMaxSize':
        target.maxItems = a as number;
        break;
      case 'isObject':
        target.type = 'object';
        break;
      default: {
        const format = FORMATS[rule.name ?? ''];
        if (format) Object.assign(target, format);
      }
    }
  }
}

/** JSON Schema of the custom validators (./dates.ts): the same patterns the server checks. */
const FORMATS: Record<string, Schema> = DATE_SCHEMAS;

function refineComponent(
  dto: Function,
  schemas: Record<string, Schema | ReferenceObject>,
  done: Set<string>,
) {
  const schema = schemas[dto.name] as Schema | undefined;
  if (!schema || done.has(dto.name) || '$ref' in schema) return;
  done.add(dto.name);
  const rules = rulesOf(dto);
  // forbidNonWhitelisted: any field the DTO does not declare is refused.
  schema.additionalProperties = false;
  const required = new Set(schema.required ?? []);
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const own = rules.get(name) ?? [];
    if ('$ref' in property || property.allOf) {
      // A nested DTO: refine its own component too.
      const nested = nestedType(dto, name, own);
      if (nested) refineComponent(nested, schemas, done);
      if (isOptional(own)) {
        required.delete(name);
        // class-validator's @IsOptional() also takes null for "absent".
        schema.properties![name] = { allOf: [property as ReferenceObject], nullable: true } as Schema;
      }
      continue;
    }
    const p = property as Schema;
    applyRules(p, own);
    if (p.type === 'array' && p.items && '$ref' in p.items) {
      const nested = nestedType(dto, name, own);
      if (nested) refineComponent(nested, schemas, done);
    }
    if (isOptional(own)) {
      required.delete(name);
      p.nullable = true;
      // An inline enum lists null too: @IsOptional() takes null, and validators read `enum` strictly.
      if (p.enum && !p.enum.includes(null)) p.enum = [...p.enum, null];
    } else if (own.length > 0) required.add(name);
  }
  schema.required = [...required];
  if (schema.required.length === 0) delete schema.required;
  Object.assign(schema, Reflect.getMetadata(SCHEMA_RULES, dto) ?? {});
}

/** The class of a nested DTO property, from class-transformer's @Type() or the design type. */
function nestedType(dto: Function, property: string, rules: ValidationMetadata[]): Function | undefined {
  if (!rules.some((r) => r.type === NESTED)) return undefined;
  const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
    defaultMetadataStorage: {
      findTypeMetadata(target: Function, property: string): { typeFunction?: () => unknown } | undefined;
    };
  };
  const typed = defaultMetadataStorage.findTypeMetadata(dto, property);
  const type = typed?.typeFunction?.() ?? Reflect.getMetadata('design:type', dto.prototype, property);
  return typeof type === 'function' && type !== Array && type !== Object ? type : undefined;
}

/** A query DTO becomes one parameter per field: give each the field's rules. */
function refineQueryParameters(op: OperationObject, dto: Function): void {
  const rules = rulesOf(dto);
  for (const p of (op.parameters ?? []) as ParameterObject[]) {
    if (p.in !== 'query') continue;
    const own = rules.get(p.name);
    if (!own) continue;
    const schema = (p.schema ?? { type: 'string' }) as Schema;
    applyRules(schema, own);
    p.schema = schema;
    p.required = !isOptional(own);
  }
}
