/**
 * Invite codes for workbench-wide plugins (an instructor's invite, an
 * organization's): short, random, easy to read aloud and type.
 *
 * @module
 */

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
