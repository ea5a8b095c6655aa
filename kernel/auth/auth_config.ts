/**
 * Sign-in settings from the environment. Without `GOOGLE_CLIENT_ID` the
 * workbench runs in local mode: one user, no sign-in. With it, users sign
 * in through OpenID Connect at `OIDC_ISSUER` (Google by default) and
 * `GOOGLE_CLIENT_SECRET` and `PUBLIC_URL` are required.
 *
 * @module
 */

/** Where users sign in. */
export interface AuthConfig {
  /** OAuth client id registered at the issuer. */
  clientId: string;
  /** Its secret (sent in the token request body). */
  clientSecret: string;
  /** The issuer's identifier, e.g. `https://accounts.google.com` (discovery is read below it). */
  issuer: string;
  /** Where the browser reaches the workbench, without a trailing slash (the callback URL is built from it). */
  publicUrl: string;
  /** Cookies get `Secure` (and the `__Host-` prefix): true when `publicUrl` is https. */
  secureCookies: boolean;
  /** True when the issuer is on this machine (tests): plain http is allowed to reach it. */
  loopbackIssuer: boolean;
}

/** The default issuer: Google. */
export const GOOGLE_ISSUER = "https://accounts.google.com";

/** True for URLs on this machine. */
function isLoopback(url: URL): boolean {
  return ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
}

/** `raw` as an http(s) URL with no path, query or fragment; throws naming `name`. */
function originUrl(name: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must be a URL such as https://workbench.example.com, got "${raw}"`);
  }
  if (
    !["http:", "https:"].includes(url.protocol) || url.pathname !== "/" || url.search || url.hash ||
    url.username
  ) {
    throw new Error(
      `${name} must be an http(s) URL without a path, such as https://laps.example.com, got "${raw}"`,
    );
  }
  return url;
}

/** The sign-in settings, or null for local mode; throws naming the variable at fault. */
export function authConfigFromEnv(env: Record<string, string | undefined>): AuthConfig | null {
  const clientId = env.GOOGLE_CLIENT_ID?.trim();
  if (!clientId) {
    if (env.GOOGLE_CLIENT_SECRET) {
      throw new Error("GOOGLE_CLIENT_SECRET is set but GOOGLE_CLIENT_ID is not: set both to enable sign-in");
    }
    return null;
  }
  const clientSecret = env.GOOGLE_CLIENT_SECRET?.trim();
  if (!clientSecret) throw new Error("GOOGLE_CLIENT_ID is set: GOOGLE_CLIENT_SECRET is required too");
  if (!env.PUBLIC_URL) {
    throw new Error(
      "GOOGLE_CLIENT_ID is set: PUBLIC_URL (where browsers reach the workbench) is required too",
    );
  }
  const publicUrl = originUrl("PUBLIC_URL", env.PUBLIC_URL);
  const issuer = new URL(env.OIDC_ISSUER || GOOGLE_ISSUER);
  const loopbackIssuer = isLoopback(issuer);
  if (issuer.protocol !== "https:" && !(loopbackIssuer && issuer.protocol === "http:")) {
    throw new Error(
      `OIDC_ISSUER must be an https URL (plain http only on 127.0.0.1), got "${env.OIDC_ISSUER}"`,
    );
  }
  return {
    clientId,
    clientSecret,
    issuer: issuer.href.replace(/\/$/, ""),
    publicUrl: publicUrl.origin,
    secureCookies: publicUrl.protocol === "https:",
    loopbackIssuer,
  };
}
