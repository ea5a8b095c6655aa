/**
 * Share links: a random token that lets anyone holding it see one session
 * read-only until the link expires or its owner revokes it. Links are kept
 * in the plugin's store (collection `links`, key = token, owner = the
 * sharer, index = the session id). A revoked link is kept (marked) so its
 * visitors are told it was revoked rather than that it never existed, and
 * an expired one likewise — for {@linkcode DEAD_LINK_RETENTION_DAYS} days:
 * after that it is deleted the next time its owner lists their links (and
 * its token answers 404 like one never issued).
 *
 * @module
 */

import { type AppSession, type PluginStore, RouteError } from "../../sdk/mod.ts";
const DAY_MS = 86_400_000;
const COLLECTION = "links";
/** Days an expired or revoked link is kept (listed as such, answering 410) before it is deleted. */
export const DEAD_LINK_RETENTION_DAYS = 90;

/** One share link as stored (a type alias, so it is a JSON record for the store). */
export type ShareLink = {
  /** The secret in the link's address (32 hex digits, 122 random bits). */
  readonly token: string;
  /** The shared session. */
  readonly sessionId: string;
  /** The sharer's user id. */
  readonly ownerId: string;
  /** Created, ms since the epoch. */
  readonly createdAt: number;
  /** Expires, ms since the epoch. */
  readonly expiresAt: number;
  /** Revoked, ms since the epoch, or null. */
  readonly revokedAt: number | null;
};

/** A link with its state at a given time: `active`, `expired` or `revoked`. */
export type LinkStatus = ShareLink & { readonly state: "active" | "expired" | "revoked" };

/** A link's state at `now`. */
function linkState(link: ShareLink, now: number): LinkStatus["state"] {
  if (link.revokedAt !== null) return "revoked";
  return link.expiresAt <= now ? "expired" : "active";
}

/** Deletes every link to a session (after the session was deleted). */
export async function deleteLinksTo(store: PluginStore, sessionId: string): Promise<void> {
  for (const record of await store.list(COLLECTION, { index: sessionId })) {
    await store.delete(COLLECTION, record.key);
  }
}

/** Creates a link to `session` (which the caller owns) lasting `days` days. */
export async function createLink(
  store: PluginStore,
  session: AppSession,
  days: number,
  now: number,
): Promise<ShareLink> {
  const link: ShareLink = {
    token: crypto.randomUUID().replaceAll("-", ""),
    sessionId: session.id,
    ownerId: session.userId,
    createdAt: now,
    expiresAt: now + days * DAY_MS,
    revokedAt: null,
  };
  await store.put(COLLECTION, link.token, link, { ownerId: link.ownerId, index: link.sessionId });
  return link;
}

/**
 * The user's links (of one session, when given), newest first, with their
 * state; links dead for longer than {@linkcode DEAD_LINK_RETENTION_DAYS}
 * are deleted instead.
 */
export async function linksOf(
  store: PluginStore,
  ownerId: string,
  sessionId: string | undefined,
  now: number,
): Promise<LinkStatus[]> {
  const records = await store.list<ShareLink>(COLLECTION, {
    ownerId,
    ...(sessionId === undefined ? {} : { index: sessionId }),
  });
  const kept: LinkStatus[] = [];
  for (const { value: link } of records) {
    const deadSince = link.revokedAt ?? (link.expiresAt <= now ? link.expiresAt : null);
    if (deadSince !== null && now - deadSince > DEAD_LINK_RETENTION_DAYS * DAY_MS) {
      await store.delete(COLLECTION, link.token);
    } else {
      kept.push({ ...link, state: linkState(link, now) });
    }
  }
  return kept.reverse();
}

/** Revokes one of the user's links; a 404 when the user has no such link. */
export async function revokeLink(
  store: PluginStore,
  ownerId: string,
  token: string,
  now: number,
): Promise<void> {
  const record = await store.get<ShareLink>(COLLECTION, token);
  if (!record || record.value.ownerId !== ownerId) {
    throw new RouteError(404, "share_link_not_found", "You have no share link with this token");
  }
  if (record.value.revokedAt !== null) return;
  await store.put(COLLECTION, token, { ...record.value, revokedAt: now }, {
    ownerId,
    index: record.value.sessionId,
  });
}

/**
 * The link behind a visitor's token if it is usable now: a 404 for a token
 * that was never issued, a 410 (with when and why) for one that expired or
 * was revoked.
 */
export async function usableLink(store: PluginStore, token: string, now: number): Promise<ShareLink> {
  const record = /^[0-9a-f]{32}$/.test(token) ? await store.get<ShareLink>(COLLECTION, token) : undefined;
  if (!record) {
    throw new RouteError(
      404,
      "share_link_not_found",
      "This share link does not exist: check that the whole address was copied",
    );
  }
  const link = record.value;
  const state = linkState(link, now);
  if (state === "revoked") {
    throw new RouteError(
      410,
      "share_link_revoked",
      "This share link was revoked by the driver who shared it",
    );
  }
  if (state === "expired") {
    throw new RouteError(
      410,
      "share_link_expired",
      `This share link expired on ${new Date(link.expiresAt).toISOString().slice(0, 10)}; ask for a new one`,
    );
  }
  return link;
}
