/**
 * The sharing plugin's routes, under `/api/plugins/sharing`:
 *
 * - `POST /links` `{session_id, expires_in_days?}` (1–90, default 7) → a new link to one of the caller's sessions;
 * - `GET /links?session_id=` → the caller's links, newest first, with their state;
 * - `DELETE /links/{token}` → revokes one of them;
 * - `GET /shared/{token}` (public) → the shared session, read-only;
 * - `POST /shared/{token}/compare` (public, a logger file in `file`) → the
 *   visitor's best lap against the sharer's, corner by corner; the file is
 *   analysed in memory and nothing of it is stored.
 *
 * An unknown token is a 404; an expired or revoked one a 410 saying which.
 *
 * @module
 */

import {
  type AnyAppRoute,
  type AppServices,
  bodyObject,
  CornerKpisKey,
  CornersKey,
  defineAppRoute,
  DistanceLapsKey,
  integerField,
  LapsKey,
  RouteError,
  sessionOwnedBy,
  signedInUser,
  stringField,
} from "../../sdk/mod.ts";
import type { ArtifactReader } from "../../sdk/mod.ts";
import { compareBestLaps, type DriverLaps } from "./comparison.ts";
import { DEFAULT_EXPIRY_DAYS, MAX_EXPIRY_DAYS } from "./expiry.ts";
import { createLink, linksOf, type LinkStatus, revokeLink, type ShareLink, usableLink } from "./links.ts";
import { sharedSessionView } from "./shared_session.ts";

/** The id of the public page showing a shared session (see `mod.ts`). */
export const SHARED_PAGE = "shared-session";

const TOKEN = { token: { type: "string", description: "The share link's token", required: true } } as const;

/** The address of a link's page, relative to the server. */
function pagePath(token: string): string {
  return `/?page=${SHARED_PAGE}&token=${token}`;
}

function linkJson(link: ShareLink | LinkStatus, trackName: string | null) {
  return {
    token: link.token,
    sessionId: link.sessionId,
    trackName,
    url: pagePath(link.token),
    createdAt: new Date(link.createdAt).toISOString(),
    expiresAt: new Date(link.expiresAt).toISOString(),
    revokedAt: link.revokedAt === null ? null : new Date(link.revokedAt).toISOString(),
    state: "state" in link ? link.state : "active",
  };
}

/** The session behind a usable link; a 410 when its owner has since deleted it. */
async function sharedSession(services: AppServices, link: ShareLink) {
  const session = await services.session(link.sessionId);
  if (!session || session.userId !== link.ownerId) {
    throw new RouteError(410, "shared_session_deleted", "The shared session has been deleted by its driver");
  }
  return session;
}

async function driverLaps(artifacts: ArtifactReader): Promise<DriverLaps> {
  const [laps, corners, kpis, grids] = await Promise.all([
    artifacts.get(LapsKey),
    artifacts.get(CornersKey),
    artifacts.get(CornerKpisKey),
    artifacts.get(DistanceLapsKey),
  ]);
  return { laps: laps ?? [], corners: corners ?? [], kpis: kpis ?? [], grids: grids ?? [] };
}

/** Every route of the plugin. */
export const sharingRoutes: AnyAppRoute[] = [
  defineAppRoute({
    method: "POST",
    path: "/links",
    description:
      `Creates a share link to one of your sessions: {session_id, expires_in_days (1-${MAX_EXPIRY_DAYS}, default ${DEFAULT_EXPIRY_DAYS})}`,
    async handler({ user, body, services }) {
      const caller = signedInUser(user, "share a session");
      const fields = bodyObject(body);
      const sessionId = stringField(fields, "session_id");
      const days = fields.expires_in_days === undefined
        ? DEFAULT_EXPIRY_DAYS
        : integerField(fields, "expires_in_days", 1, MAX_EXPIRY_DAYS);
      const session = await sessionOwnedBy(services, caller.id, sessionId);
      if (session.status !== "done") {
        throw new RouteError(
          409,
          "session_not_ready",
          "Only an analysed session can be shared; wait for its analysis",
        );
      }
      return linkJson(await createLink(services.store, session, days, Date.now()), session.trackName);
    },
  }),
  defineAppRoute({
    method: "GET",
    path: "/links",
    description: "Your share links (of one session with ?session_id=), newest first, with their state",
    query: { session_id: { type: "string", description: "Only links to this session" } },
    async handler({ user, query, services }) {
      const caller = signedInUser(user, "see your share links");
      const links = await linksOf(services.store, caller.id, query.session_id, Date.now());
      const ids = [...new Set(links.map((link) => link.sessionId))];
      const sessions = await Promise.all(ids.map((id) => services.session(id)));
      const names = new Map(ids.map((id, i) => [id, sessions[i]?.trackName ?? null]));
      return links.map((link) => linkJson(link, names.get(link.sessionId) ?? null));
    },
  }),
  defineAppRoute({
    method: "DELETE",
    path: "/links/{token}",
    description: "Revokes one of your share links: its visitors get a 410 from now on",
    params: TOKEN,
    async handler({ user, params, services }) {
      await revokeLink(
        services.store,
        signedInUser(user, "revoke a share link").id,
        params.token,
        Date.now(),
      );
    },
  }),
  defineAppRoute({
    method: "GET",
    path: "/shared/{token}",
    description: "A shared session, read-only: summary, laps, the best lap's corners and the circuit outline",
    public: true,
    params: TOKEN,
    async handler({ params, services }) {
      const link = await usableLink(services.store, params.token, Date.now());
      return await sharedSessionView(services, link, await sharedSession(services, link));
    },
  }),
  defineAppRoute({
    method: "POST",
    path: "/shared/{token}/compare",
    description:
      "Compares your session (a logger file in field `file`, same circuit, not stored) with the shared one, corner by corner",
    public: true,
    upload: true,
    params: TOKEN,
    async handler({ params, file, services }) {
      const link = await usableLink(services.store, params.token, Date.now());
      const session = await sharedSession(services, link);
      if (!file) throw new RouteError(400, "no_file", "Add your session's logger file in field `file`");
      let analysis;
      try {
        analysis = await services.analyzeFile(file.name, file.bytes);
      } catch (error) {
        throw new RouteError(422, "unreadable_file", error instanceof Error ? error.message : String(error));
      }
      if (!session.trackSlug || analysis.trackSlug !== session.trackSlug) {
        throw new RouteError(
          422,
          "different_track",
          `${file.name} was driven ${
            analysis.trackSlug ? `at ${analysis.trackSlug}` : "on a circuit the workbench does not know"
          }, not at ${
            session.trackName ?? "the shared session's circuit"
          }; upload a session from the same circuit`,
        );
      }
      const comparison = compareBestLaps(
        await driverLaps(services.artifacts(session.id)),
        await driverLaps(analysis.artifacts),
      );
      if (!comparison) {
        throw new RouteError(422, "no_timed_lap", `${file.name} has no complete timed lap to compare`);
      }
      return { trackName: session.trackName, fileName: file.name, ...comparison };
    },
  }),
];
