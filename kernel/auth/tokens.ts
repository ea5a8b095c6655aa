/**
 * Random secrets for cookies and CSRF tokens, and the hash under which a
 * secret is stored (the database never holds a cookie's value).
 *
 * @module
 */

import { Buffer } from "node:buffer";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Bytes of randomness in every token (256 bits). */
const TOKEN_BYTES = 32;

/** A new random token, base64url. */
export function randomToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

/** SHA-256 of a token, base64url: what the database stores and looks up. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/** Compares two strings in time independent of where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a), y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
