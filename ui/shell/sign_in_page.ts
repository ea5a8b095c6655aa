/**
 * The page an anonymous visitor sees when sign-in is configured: what the
 * workbench is, a button that starts signing in (and comes back to the
 * same address), and why the last attempt failed, when it did.
 *
 * @module
 */

/// <reference lib="dom" />

import { html } from "htm/preact";
import type { VNode } from "preact";
import { type Account, signInHref } from "../api/account.ts";

/** What a driver can do about each refusal code of `/api/auth/callback`. */
const FAILURES: Record<string, string> = {
  issuer_error: "The sign-in was cancelled or refused. Try again.",
  state_mismatch: "The sign-in answer did not match the request. Try again.",
  login_not_started: "The sign-in was started in another browser or tab. Try again here.",
  login_expired: "The sign-in took too long or was already used. Try again.",
  id_token_invalid: "The sign-in could not be verified. Try again, or ask the workbench's administrator.",
  issuer_unreachable: "The sign-in service could not be reached. Try again in a moment.",
};

/** Properties of {@linkcode SignInPage}. */
export interface SignInPageProps {
  /** The (anonymous) account. */
  account: Account;
}

/** The sign-in prompt. */
export function SignInPage({ account }: SignInPageProps): VNode {
  const query = new URLSearchParams(location.search);
  const failure = query.get("auth_error");
  query.delete("auth_error");
  const back = `${location.pathname}${query.size > 0 ? `?${query}` : ""}`;
  const href = signInHref(account, back);
  return html`
    <div class="app">
      <header class="topbar"><span class="brand">Cataclysm<span> Workbench</span></span></header>
      <main class="main" id="main">
        <section class="welcome sign-in">
          <h1>Sign in to your workbench</h1>
          <p>Your sessions, coaching and equipment are private to your account.</p>
          ${failure &&
            html`<p class="inline-error" role="alert">${
              FAILURES[failure] ?? "The sign-in failed. Try again."
            }</p>`}
          <p><a class="button primary" href=${href} data-sign-in>Sign in with ${account.issuer ??
            "Google"}</a></p>
        </section>
      </main>
    </div>
  `;
}
