/**
 * Who in an organization may read whose session. The rule:
 *
 * - every member reads their own sessions, as everywhere;
 * - an owner or instructor of the organization (`managesEvents` in
 *   `roles.ts`) also reads a session of a current member when it was
 *   driven at the circuit of one of the organization's events (same
 *   circuit slug) on a day the event covers (`date` to `endDate`, compared
 *   with the UTC calendar day of the session's date);
 * - nothing else: a member never reads another member's session, and a
 *   session of a non-member, of another circuit or another day stays
 *   private (a 404 that does not say it exists).
 *
 * @module
 */

import type { AppSession } from "../../sdk/mod.ts";
import type { OrgEvent } from "./store.ts";

/** Whether the session was driven at the event: its circuit, on one of its days (UTC). */
export function eventCovers(event: OrgEvent, session: AppSession): boolean {
  if (session.trackSlug === null || session.trackSlug !== event.trackSlug || session.date === null) {
    return false;
  }
  const driven = Date.parse(session.date);
  if (!Number.isFinite(driven)) return false;
  const day = new Date(driven).toISOString().slice(0, 10);
  return day >= event.date && day <= event.endDate;
}
