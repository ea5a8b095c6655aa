/**
 * The OpenID Connect relying party, on `oauth4webapi`: discovery (kept for
 * an hour), the authorization request (code flow with PKCE S256, `state`
 * and `nonce`), and the callback — the state must match the login this
 * browser started, the code is exchanged with the client secret and the
 * PKCE verifier, and the ID token's issuer, audience, expiry, nonce and
 * RS256 signature (against the issuer's JWKS) are all checked before an
 * identity is returned. Plain http to the issuer is allowed only when it
 * is on this machine (tests with a fake issuer).
 *
 * @module
 */

import * as oauth from "oauth4webapi";
import type { OidcIdentity, PendingLogin } from "../storage/accounts.ts";
import type { AuthConfig } from "./auth_config.ts";

/** How long discovery metadata is reused, ms. */
const DISCOVERY_TTL_MS = 3600 * 1000;

/** Scopes asked for. */
const SCOPES = "openid email profile";

/** Why a callback was refused; `code` is machine-readable. */
export class LoginRejected extends Error {
  /** E.g. `state_mismatch`, `id_token_invalid`, `issuer_error`. */
  readonly code: string;
  /** Creates the error. */
  constructor(code: string, message: string) {
    super(message);
    this.name = "LoginRejected";
    this.code = code;
  }
}

/** The relying party of one server process. */
export interface OidcClient {
  /** The callback URL registered at the issuer. */
  readonly redirectUri: string;
  /** A new login's secrets (state, nonce, PKCE verifier). */
  newLogin(returnTo: string): PendingLogin;
  /** The issuer's authorization URL for a login. */
  authorizationUrl(login: PendingLogin): Promise<URL>;
  /** Completes a login from the callback URL; throws {@linkcode LoginRejected}. */
  complete(callbackUrl: URL, login: PendingLogin): Promise<OidcIdentity>;
}

/** Creates the client for `config`. */
export function createOidcClient(config: AuthConfig): OidcClient {
  const issuer = new URL(config.issuer);
  const client: oauth.Client = { client_id: config.clientId };
  const clientAuth = oauth.ClientSecretPost(config.clientSecret);
  const http = config.loopbackIssuer ? { [oauth.allowInsecureRequests]: true } : {};
  const redirectUri = `${config.publicUrl}/api/auth/callback`;
  let discovered: { as: Promise<oauth.AuthorizationServer>; at: number } | null = null;

  const server = (): Promise<oauth.AuthorizationServer> => {
    if (!discovered || Date.now() - discovered.at > DISCOVERY_TTL_MS) {
      const as = oauth.discoveryRequest(issuer, { algorithm: "oidc", ...http })
        .then((response) => oauth.processDiscoveryResponse(issuer, response));
      discovered = { as, at: Date.now() };
      as.catch(() => (discovered = null)); // an unreachable issuer is asked again next time
    }
    return discovered.as;
  };

  return {
    redirectUri,
    newLogin: (returnTo) => ({
      state: oauth.generateRandomState(),
      nonce: oauth.generateRandomNonce(),
      codeVerifier: oauth.generateRandomCodeVerifier(),
      returnTo,
    }),
    async authorizationUrl(login) {
      const as = await server();
      if (!as.authorization_endpoint) throw new Error(`${config.issuer} names no authorization endpoint`);
      const url = new URL(as.authorization_endpoint);
      const params = {
        client_id: config.clientId,
        redirect_uri: redirectUri,
        response_type: "code",
        scope: SCOPES,
        state: login.state,
        nonce: login.nonce,
        code_challenge: await oauth.calculatePKCECodeChallenge(login.codeVerifier),
        code_challenge_method: "S256",
      };
      for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
      return url;
    },
    async complete(callbackUrl, login) {
      const as = await server();
      let params: URLSearchParams;
      try {
        params = oauth.validateAuthResponse(as, client, callbackUrl, login.state);
      } catch (error) {
        if (error instanceof oauth.AuthorizationResponseError) {
          throw new LoginRejected("issuer_error", `The issuer refused the sign-in: ${error.error}`);
        }
        throw new LoginRejected("state_mismatch", `The sign-in response does not match: ${message(error)}`);
      }
      let claims: oauth.IDToken;
      try {
        const response = await oauth.authorizationCodeGrantRequest(
          as,
          client,
          clientAuth,
          params,
          redirectUri,
          login.codeVerifier,
          http,
        );
        const result = await oauth.processAuthorizationCodeResponse(as, client, response, {
          expectedNonce: login.nonce,
          requireIdToken: true,
        });
        await oauth.validateApplicationLevelSignature(as, response, http);
        claims = oauth.getValidatedIdTokenClaims(result)!;
      } catch (error) {
        if (error instanceof oauth.ResponseBodyError) {
          throw new LoginRejected("issuer_error", `The issuer refused the code: ${error.error}`);
        }
        throw new LoginRejected("id_token_invalid", `The sign-in could not be verified: ${message(error)}`);
      }
      const email = typeof claims.email === "string" && claims.email_verified !== false ? claims.email : null;
      const name = typeof claims.name === "string" && claims.name.trim()
        ? claims.name.trim()
        : email ?? "Driver";
      return { issuer: as.issuer, subject: claims.sub, email, name };
    },
  };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
