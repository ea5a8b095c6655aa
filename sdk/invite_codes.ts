/**
 * Invite codes for workbench-wide plugins (an instructor's invite, an
 * organization's): short, random, easy to read aloud and type; and the
 * life of an invite the plugin stores under its code: made to lapse after
 * some days, found again from what a person typed while it has not lapsed,
 * and sent back as JSON.
 *
 * @module
 */

import type { PluginStore } from "./app.ts";
import { RouteError } from "./route.ts";

/** Letters and digits without look-alikes (no 0/O, 1/I/L). */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/**
 * A new random code of `length` characters (default 10, about 49 bits),
 * from a cryptographic random source.
 *
 * @example
 * ```ts
 * import { newInviteCode } from "./invite_codes.ts";
 * console.assert(/^[2-9A-Z]{10}$/.test(newInviteCode()));
 * ```
 */
export function newInviteCode(length = 10): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let code = "";
  for (const byte of bytes) code += ALPHABET[byte % ALPHABET.length];
  return code;
}

/** A code as typed by a person, normalised (upper case, spaces and dashes removed). */
export function normaliseInviteCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]+/g, "");
}

const DAY_MS = 86_400_000;

/** What every stored invite holds: its code and when it lapses. */
export interface InviteBase {
  /** The code, as {@linkcode newInviteCode} made it. */
  readonly code: string;
  /** When it lapses, ms since the epoch. */
  readonly expiresAt: number;
}

/** A new code lapsing `days` days after `now`. */
export function newInvite(days: number, now: number = Date.now()): InviteBase {
  return { code: newInviteCode(), expiresAt: now + days * DAY_MS };
}

/** Whether the invite has not lapsed at `now`. */
export function inviteLive(invite: InviteBase, now: number = Date.now()): boolean {
  return invite.expiresAt > now;
}

/**
 * The live invite a plugin stored in `collection` under the code a person
 * typed (normalised first); a 404 `invite_not_found` saying the code is
 * unknown, used, withdrawn or expired (which of these is not told).
 */
export async function liveInvite<T extends InviteBase>(
  store: PluginStore,
  collection: string,
  typed: string,
): Promise<T> {
  const code = normaliseInviteCode(typed);
  const invite = (await store.get(collection, code))?.value as T | undefined;
  if (!invite || !inviteLive(invite)) {
    throw new RouteError(
      404,
      "invite_not_found",
      `invite code "${code}" is unknown, used, withdrawn or expired`,
    );
  }
  return invite;
}

/** An invite as routes return it: its code and when it lapses (ISO 8601). */
export function inviteJson(invite: InviteBase): { code: string; expiresAt: string } {
  return { code: invite.code, expiresAt: new Date(invite.expiresAt).toISOString() };
}
