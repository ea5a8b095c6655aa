/**
 * Opens the workbench database: SQLite in a file (the default, no set-up)
 * or PostgreSQL when given a `postgres://` URL, and brings its schema up to
 * date before anything else touches it.
 *
 * @module
 */

import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { type DialectName, migrateToLatest } from "./migrations.ts";
import type { WorkbenchDatabase } from "./schema.ts";
import { nodeSqliteDialect } from "./sqlite_dialect.ts";

/** Where the data lives. */
export type DatabaseLocation =
  | { dialect: "sqlite"; file: string }
  | { dialect: "postgres"; url: string };

/** An open, migrated database. */
export interface Storage {
  /** The query builder. */
  db: Kysely<WorkbenchDatabase>;
  /** Which SQL dialect it speaks (a few statements differ, e.g. job claiming). */
  dialect: DialectName;
  /** True when this open created the schema: the database was empty. */
  created: boolean;
  /** Closes every connection. */
  close(): Promise<void>;
}

/** Connections per process to PostgreSQL. */
const POSTGRES_POOL_SIZE = 8;

/** Opens and migrates the database at `location`. */
export async function openStorage(location: DatabaseLocation): Promise<Storage> {
  const db = new Kysely<WorkbenchDatabase>({
    dialect: location.dialect === "sqlite" ? nodeSqliteDialect(location.file) : postgresDialect(location.url),
  });
  try {
    const { created } = await migrateToLatest(db as Kysely<unknown>, location.dialect);
    return { db, dialect: location.dialect, created, close: () => db.destroy() };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

function postgresDialect(url: string): PostgresDialect {
  const pool = new pg.Pool({ connectionString: url, max: POSTGRES_POOL_SIZE });
  // An idle connection dropped by the server must not crash the process; the pool replaces it.
  pool.on("error", (error: Error) => console.error(`postgres connection lost: ${error.message}`));
  return new PostgresDialect({ pool });
}

/**
 * Where the data lives, from `DATABASE_URL` (a `postgres://` or
 * `postgresql://` URL) or, when unset, a SQLite file in `dataDir`.
 * Throws for any other URL.
 */
export function databaseLocation(databaseUrl: string | undefined, dataDir: string): DatabaseLocation {
  if (!databaseUrl) return { dialect: "sqlite", file: `${dataDir.replace(/\/+$/, "")}/workbench.sqlite` };
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return { dialect: "postgres", url: databaseUrl };
  throw new Error(
    `DATABASE_URL must be a postgres:// URL (or unset for SQLite in DATA_DIR), got "${databaseUrl}"`,
  );
}
