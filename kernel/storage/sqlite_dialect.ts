/**
 * Kysely on `node:sqlite` (built into Deno, no native add-on): Kysely's own
 * SQLite dialect over a small adapter to the `DatabaseSync` API, with write
 * transactions that take the database lock up front (`BEGIN IMMEDIATE`), so
 * two processes sharing one file wait for each other instead of failing with
 * "database is locked" half-way through a transaction.
 *
 * @module
 */

import { DatabaseSync } from "node:sqlite";
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from "kysely";

/** How long a statement waits for another process's lock before failing, ms. */
const BUSY_TIMEOUT_MS = 10_000;

/** Opens `file` (created when missing) in WAL mode and returns a Kysely dialect for it. */
export function nodeSqliteDialect(file: string): SqliteDialect {
  return new ImmediateSqliteDialect({
    database: () => {
      const db = new DatabaseSync(file);
      db.exec(
        `PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;
         PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS};`,
      );
      return Promise.resolve({
        close: () => db.close(),
        prepare(sql: string) {
          const statement = db.prepare(sql);
          return {
            reader: statement.columns().length > 0,
            all: (parameters: ReadonlyArray<unknown>) => statement.all(...(parameters as never[])),
            run: (parameters: ReadonlyArray<unknown>) => {
              const { changes, lastInsertRowid } = statement.run(...(parameters as never[]));
              return { changes, lastInsertRowid };
            },
            iterate: (parameters: ReadonlyArray<unknown>) => statement.iterate(...(parameters as never[])),
          };
        },
      });
    },
  });
}

/** Kysely's SQLite dialect whose transactions begin with `BEGIN IMMEDIATE`. */
class ImmediateSqliteDialect extends SqliteDialect {
  readonly #driverConfig: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#driverConfig = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#driverConfig);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}
