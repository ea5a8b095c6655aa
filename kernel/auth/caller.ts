/**
 * Who is calling: in local mode always the local user; with sign-in
 * configured, the user of the session cookie (an unknown, expired or
 * signed-out cookie makes an anonymous caller), or null.
 *
 * @module
 */

import type { Storage } from "../storage/database.ts";
import { type AccountUser, findAuthSession, getAccountUser } from "../storage/accounts.ts";
import { LOCAL_USER_ID } from "../storage/migrations.ts";
import type { AuthConfig } from "./auth_config.ts";
import { cookieNames, readCookie } from "./cookies.ts";
import { hashToken } from "./tokens.ts";

/** The caller of a request. */
export interface Caller {
  /** The user the request acts for. */
  user: AccountUser;
  /**
   * The session's CSRF token, which state-changing requests must echo in
   * `X-CSRF-Token`; null in local mode (no cookie, nothing to forge).
   */
  csrfToken: string | null;
  /** Hash of the session cookie (what signing out deletes), or null in local mode. */
  sessionHash: string | null;
}

/** Identifies the caller of a request, or null when anonymous. */
export type CallerIdentifier = (request: Request) => Promise<Caller | null>;

/** The identifier for `config` (null: local mode). */
export function createCallerIdentifier(storage: Storage, config: AuthConfig | null): CallerIdentifier {
  if (!config) {
    let local: Promise<AccountUser> | null = null;
    const localUser = async (): Promise<AccountUser> =>
      (await getAccountUser(storage.db, LOCAL_USER_ID)) ??
        { id: LOCAL_USER_ID, name: "Local driver", email: null };
    return async () => {
      if (!local) {
        local = localUser();
        local.catch(() => (local = null)); // a database that did not answer is asked again next time
      }
      return { user: await local, csrfToken: null, sessionHash: null };
    };
  }
  const { session } = cookieNames(config);
  return async (request) => {
    const token = readCookie(request.headers.get("cookie"), session);
    if (!token) return null;
    const sessionHash = hashToken(token);
    const found = await findAuthSession(storage.db, sessionHash);
    return found ? { user: found.user, csrfToken: found.csrfToken, sessionHash } : null;
  };
}
