/**
 * The account corner of the top bar: "Local mode" when sign-in is not
 * configured, otherwise the signed-in user's name with a sign-out button.
 *
 * @module
 */

import { html } from "htm/preact";
import type { VNode } from "preact";
import type { Account } from "../api/account.ts";

/** Properties of {@linkcode AccountMenu}. */
export interface AccountMenuProps {
  /** The browser's account. */
  account: Account;
  /** Signs out. */
  onSignOut: () => void;
}

/** The badge or the user and sign-out. */
export function AccountMenu({ account, onSignOut }: AccountMenuProps): VNode | null {
  if (account.mode === "local") {
    return html`
      <span class="account local" data-account="local"
        title="Sign-in is not configured (no GOOGLE_CLIENT_ID): every session belongs to the local user">Local mode</span>
    `;
  }
  if (!account.user) return null;
  return html`
    <span class="account" data-account="signed-in">
      <span class="account-name" title=${account.user.email ?? ""}>${account.user.name}</span>
      <button type="button" class="link" onClick=${onSignOut}>Sign out</button>
    </span>
  `;
}
