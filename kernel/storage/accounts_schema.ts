/**
 * Accounts (migration `0003_accounts`): users signed in through OpenID
 * Connect get their e-mail address and the issuer's subject; signed-in
 * browsers hold server-side sessions; a login started at the issuer waits
 * in `auth_logins` until its callback arrives.
 *
 * Secrets are never stored as sent: a session cookie and a login cookie are
 * kept as their SHA-256 (see `kernel/auth/tokens.ts`), so a copy of the
 * database signs nobody in.
 *
 * @module
 */

import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";
import type { DialectName } from "./migrations.ts";

/** A signed-in browser. */
export interface AuthSessionsTable {
  /** SHA-256 (base64url) of the session cookie's value. */
  token_hash: string;
  /** The user signed in. */
  user_id: string;
  /** Token the browser must echo in `X-CSRF-Token` on state-changing requests. */
  csrf_token: string;
  /** Unix ms. */
  created_at: number;
  /** The session ends at this time, Unix ms. */
  expires_at: number;
}

/** A sign-in sent to the issuer and not yet completed. */
export interface AuthLoginsTable {
  /** SHA-256 (base64url) of the login cookie's value, which binds the login to one browser. */
  login_hash: string;
  /** The `state` sent to the issuer. */
  state: string;
  /** The `nonce` the ID token must carry. */
  nonce: string;
  /** The PKCE code verifier. */
  code_verifier: string;
  /** Page to return to after signing in (a local path). */
  return_to: string;
  /** The login is refused after this time, Unix ms. */
  expires_at: number;
}

/** The accounts tables. */
export interface AccountsTables {
  auth_sessions: AuthSessionsTable;
  auth_logins: AuthLoginsTable;
}

/** Columns `0003_accounts` adds to `users`. */
export interface UserAccountColumns {
  /** E-mail address from the issuer, or null (the local user). */
  email: string | null;
  /** Issuer of the OpenID subject, or null (the local user). */
  oidc_issuer: string | null;
  /** The issuer's stable id of the person (`sub`), or null. */
  oidc_subject: string | null;
}

/** The migration. */
export function accountsMigration(dialect: DialectName): Migration {
  const real = dialect === "sqlite" ? "real" : "double precision";
  return {
    async up(db: Kysely<unknown>) {
      // SQLite adds one column per statement.
      for (const column of ["email", "oidc_issuer", "oidc_subject"]) {
        await db.schema.alterTable("users").addColumn(column, "text").execute();
      }
      await db.schema.createIndex("users_oidc_identity").unique().on("users")
        .columns(["oidc_issuer", "oidc_subject"]).execute();
      await db.schema.createTable("auth_sessions")
        .addColumn("token_hash", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("csrf_token", "text", (c) => c.notNull())
        .addColumn("created_at", real, (c) => c.notNull())
        .addColumn("expires_at", real, (c) => c.notNull())
        .execute();
      await db.schema.createIndex("auth_sessions_user").on("auth_sessions").column("user_id").execute();
      await db.schema.createTable("auth_logins")
        .addColumn("login_hash", "text", (c) => c.primaryKey())
        .addColumn("state", "text", (c) => c.notNull())
        .addColumn("nonce", "text", (c) => c.notNull())
        .addColumn("code_verifier", "text", (c) => c.notNull())
        .addColumn("return_to", "text", (c) => c.notNull())
        .addColumn("expires_at", real, (c) => c.notNull())
        .execute();
    },
  };
}
