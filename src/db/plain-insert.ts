/**
 * One INSERT statement for a new row, built once per entity from MikroORM's metadata and run on
 * MikroORM's connection, for the intake's hot path. `em.insert` builds a query through the query
 * builder on every call, which costs more than the statement itself on SQLite; here only the values
 * are converted per call, the way MikroORM stores them (dates through the platform, JSON and custom
 * types such as the encrypted personal data through their type, booleans left to the driver); a
 * property's `onCreate` fills it when the row leaves it unset, as em.flush would (the lookup hashes
 * of the complainant's NIK, phone and e-mail), and a field left out otherwise takes its declared
 * default, as MikroORM's insert (which omits the column) would.
 */
import type { EntityManager, EntityMetadata, EntityProperty, Platform, Transaction } from '@mikro-orm/core';
import type { AbstractSqlConnection, Knex } from '@mikro-orm/knex';

interface Statement {
  sql: string;
  props: EntityProperty[];
}

const statements = new WeakMap<EntityMetadata, Statement>();

function statementFor(meta: EntityMetadata): Statement {
  let statement = statements.get(meta);
  if (!statement) {
    const props = meta.props.filter((p) => p.fieldNames?.length === 1 && p.persist !== false);
    const columns = props.map((p) => p.fieldNames[0]);
    statement = {
      sql: `insert into ${meta.tableName} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
      props,
    };
    statements.set(meta, statement);
  }
  return statement;
}

/** The table, columns and database values of a new row of `entity`, as MikroORM would store them. */
export function rowValues<T extends object>(
  em: EntityManager,
  entity: new () => T,
  row: Partial<T>,
): { table: string; columns: string[]; values: unknown[]; sql: string } {
  const meta = em.getMetadata().get(entity.name);
  const { sql, props } = statementFor(meta);
  const platform = em.getPlatform();
  const values = props.map((p) => {
    const given = (row as Record<string, unknown>)[p.name];
    // A field left out takes the column's declared default; an explicit null stays null.
    let value = given === undefined ? p.default : given;
    if ((value === undefined || value === null) && p.onCreate) value = p.onCreate(row, em);
    return databaseValue(p, value, platform);
  });
  return { table: meta.tableName, columns: props.map((p) => p.fieldNames[0]), values, sql };
}

/** A property's value as MikroORM stores it (null for null or undefined). */
function databaseValue(p: EntityProperty, value: unknown, platform: Platform): unknown {
  if (value === undefined || value === null) return null;
  if (p.customType) return p.customType.convertToDatabaseValue(value, platform, { mode: 'query' });
  if (value instanceof Date) return platform.processDateProperty(value);
  return value;
}

/**
 * The `col = ?, ...` assignments and database values of an UPDATE of `fields` of `entity`, as
 * em.nativeUpdate would write them (no onUpdate hooks, as nativeUpdate runs none).
 */
export function updateValues<T extends object>(
  em: EntityManager,
  entity: new () => T,
  fields: Record<string, unknown>,
): { table: string; assignments: string; values: unknown[] } {
  const meta = em.getMetadata().get(entity.name);
  const platform = em.getPlatform();
  const names = Object.keys(fields).filter((name) => fields[name] !== undefined);
  const props = names.map((name) => {
    const p = meta.properties[name as keyof T & string];
    if (p?.fieldNames?.length !== 1 || p.persist === false)
      throw new Error(`${meta.className} has no column for ${name}`);
    return p;
  });
  return {
    table: meta.tableName,
    assignments: props.map((p) => `${p.fieldNames[0]} = ?`).join(', '),
    values: props.map((p) => databaseValue(p, fields[p.name], platform)),
  };
}

/**
 * Runs `sql` with `values` as bindings on MikroORM's connection, inside `trx` when given. Values as
 * bindings (knex.raw), never inlined into the SQL text the way MikroORM's `execute(sql, params)`
 * formats them: SQLite refuses an inlined NUL character ("unrecognized token"), which made a
 * complaint whose text held one a 503. Found by Schemathesis.
 */
export async function runStatement<R = unknown>(
  em: EntityManager,
  sql: string,
  values: unknown[],
  trx?: Transaction,
): Promise<R[]> {
  try {
    const query = (em.getConnection() as AbstractSqlConnection)
      .getKnex()
      .raw(sql, values as Knex.RawBinding[]);
    const result = await (trx ? query.transacting(trx as Knex.Transaction) : query);
    // PostgreSQL answers { rows }, SQLite the rows themselves.
    return (Array.isArray(result) ? result : (result?.rows ?? [])) as R[];
  } catch (err) {
    // As MikroORM's own writes do: a duplicate key becomes UniqueConstraintViolationException. No
    // `instanceof Error` test: a native driver's error may come from another realm (jest workers).
    throw em
      .getPlatform()
      .getExceptionConverter()
      .convertException(err as Error);
  }
}

/** Inserts a new row of `entity` inside the connection-level transaction `trx`. */
export async function insertRow<T extends object>(
  em: EntityManager,
  entity: new () => T,
  row: Partial<T>,
  trx: Transaction,
): Promise<void> {
  const { sql, values } = rowValues(em, entity, row);
  await runStatement(em, sql, values, trx);
}
