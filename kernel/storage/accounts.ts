/**
 * Users signed in through OpenID Connect, their server-side sessions and
 * logins waiting for the issuer's callback. Callers pass hashes of the
 * cookie values (`kernel/auth/tokens.ts`), never the values themselves.
 *
 * @module
 */

import type { Kysely } from "kysely";
import type { WorkbenchDatabase } from "./schema.ts";

type Db = Kysely<WorkbenchDatabase>;

/** A user as requests see it. */
export interface AccountUser {
  /** Stable id. */
  id: string;
  /** Display name. */
  name: string;
  /** E-mail address, or null (the local user). */
  email: string | null;
}

/** The identity an issuer vouched for. */
export interface OidcIdentity {
  /** The issuer's identifier. */
  issuer: string;
  /** The issuer's stable id of the person. */
  subject: string;
  /** E-mail address, or null. */
  email: string | null;
  /** Display name. */
  name: string;
}

/** The user with this issuer and subject, created on first sign-in; name and e-mail follow the issuer. */
export async function upsertOidcUser(db: Db, identity: OidcIdentity): Promise<AccountUser> {
  const row = await db.insertInto("users")
    .values({
      id: crypto.randomUUID(),
      name: identity.name,
      email: identity.email,
      oidc_issuer: identity.issuer,
      oidc_subject: identity.subject,
      created_at: Date.now(),
    })
    .onConflict((oc) =>
      oc.columns(["oidc_issuer", "oidc_subject"]).doUpdateSet({ name: identity.name, email: identity.email })
    )
    .returning(["id", "name", "email"])
    .executeTakeFirstOrThrow();
  return { id: row.id, name: row.name, email: row.email };
}

/** One user, or undefined. */
export function getAccountUser(db: Db, id: string): Promise<AccountUser | undefined> {
  return db.selectFrom("users").select(["id", "name", "email"]).where("id", "=", id).executeTakeFirst();
}

/** Stores a new signed-in browser session. */
export async function createAuthSession(
  db: Db,
  session: { tokenHash: string; userId: string; csrfToken: string; expiresAt: number },
): Promise<void> {
  await db.insertInto("auth_sessions").values({
    token_hash: session.tokenHash,
    user_id: session.userId,
    csrf_token: session.csrfToken,
    created_at: Date.now(),
    expires_at: session.expiresAt,
  }).execute();
}

/** The user and CSRF token of an unexpired session, or undefined. */
export async function findAuthSession(
  db: Db,
  tokenHash: string,
): Promise<{ user: AccountUser; csrfToken: string } | undefined> {
  const row = await db.selectFrom("auth_sessions")
    .innerJoin("users", "users.id", "auth_sessions.user_id")
    .select(["users.id", "users.name", "users.email", "auth_sessions.csrf_token"])
    .where("auth_sessions.token_hash", "=", tokenHash)
    .where("auth_sessions.expires_at", ">", Date.now())
    .executeTakeFirst();
  return row && { user: { id: row.id, name: row.name, email: row.email }, csrfToken: row.csrf_token };
}

/** Ends a session (signing out); true when it existed. */
export async function deleteAuthSession(db: Db, tokenHash: string): Promise<boolean> {
  const result = await db.deleteFrom("auth_sessions").where("token_hash", "=", tokenHash).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** A login sent to the issuer. */
export interface PendingLogin {
  /** The `state` sent. */
  state: string;
  /** The `nonce` sent. */
  nonce: string;
  /** The PKCE code verifier. */
  codeVerifier: string;
  /** Local path to return to. */
  returnTo: string;
}

/** Remembers a login until its callback (and forgets expired ones and sessions). */
export async function savePendingLogin(
  db: Db,
  loginHash: string,
  login: PendingLogin,
  expiresAt: number,
): Promise<void> {
  const now = Date.now();
  await db.deleteFrom("auth_logins").where("expires_at", "<=", now).execute();
  await db.deleteFrom("auth_sessions").where("expires_at", "<=", now).execute();
  await db.insertInto("auth_logins").values({
    login_hash: loginHash,
    state: login.state,
    nonce: login.nonce,
    code_verifier: login.codeVerifier,
    return_to: login.returnTo,
    expires_at: expiresAt,
  }).execute();
}

/** Takes a pending, unexpired login (it is deleted, so a callback can complete it once), or undefined. */
export async function takePendingLogin(db: Db, loginHash: string): Promise<PendingLogin | undefined> {
  const row = await db.deleteFrom("auth_logins").where("login_hash", "=", loginHash)
    .returning(["state", "nonce", "code_verifier", "return_to", "expires_at"])
    .executeTakeFirst();
  if (!row || row.expires_at <= Date.now()) return undefined;
  return { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier, returnTo: row.return_to };
}
