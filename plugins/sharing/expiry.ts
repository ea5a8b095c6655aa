/**
 * How long a share link lasts: read by the link rules on the server and by
 * the Share panel in the browser, so both offer and accept the same range.
 *
 * @module
 */

/** Days a link lasts when the sharer does not say. */
export const DEFAULT_EXPIRY_DAYS = 7;
/** Longest a link may last, days (the shortest is one). */
export const MAX_EXPIRY_DAYS = 90;
