/**
 * Asks the server who the browser is before anything else: in local mode or
 * once signed in it renders the workbench, otherwise the sign-in page (or,
 * for a public app page such as a shared session, that page alone). A
 * request answered 401 later (the sign-in expired or ended in another tab)
 * brings the sign-in page back.
 *
 * @module
 */

/// <reference lib="dom" />

import { html } from "htm/preact";
import type { VNode } from "preact";
import { useCallback, useEffect, useState } from "preact/hooks";
import type { RegisteredView } from "../../sdk/views.ts";
import { type Account, fetchAccount, signOut } from "../api/account.ts";
import { SIGNED_OUT_EVENT } from "../api/http.ts";
import { App } from "../app.ts";
import { opensPublicPage, PublicPage } from "./public_page.ts";
import { SignInPage } from "./sign_in_page.ts";

/** Properties of {@linkcode AccountGate}. */
export interface AccountGateProps {
  /** Every registered view, panel and chart. */
  registry: readonly RegisteredView[];
}

/** The workbench or the sign-in page. */
export function AccountGate({ registry }: AccountGateProps): VNode {
  const [account, setAccount] = useState<Account | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    fetchAccount().then(setAccount, (e) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  useEffect(() => {
    load();
    addEventListener(SIGNED_OUT_EVENT, load);
    return () => removeEventListener(SIGNED_OUT_EVENT, load);
  }, []);
  const leave = useCallback(async () => {
    await signOut().catch(() => {});
    load();
  }, []);

  if (error) {
    return html`<p class="inline-error" role="alert">The workbench could not be reached: ${error}</p>`;
  }
  if (!account) return html`<div class="skeleton tall" aria-busy="true" aria-label="Loading"></div>`;
  if (account.mode === "oidc" && !account.user) {
    return opensPublicPage(registry)
      ? html`<${PublicPage} registry=${registry} account=${account} />`
      : html`<${SignInPage} account=${account} />`;
  }
  return html`<${App} key=${account.user?.id} registry=${registry} account=${account} onSignOut=${leave} />`;
}
