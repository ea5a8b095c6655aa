/**
 * The tracks plugin's routes, under `/api/plugins/tracks`: the circuits the
 * workbench knows, and circuits drivers add from their sessions on a
 * circuit it does not know.
 *
 * - `GET /circuits` → every circuit, built-in and added, by name;
 * - `POST /circuits` `{session_id, name}` → draws the circuit from one of the
 *   driver's unmatched sessions, then analyses every unmatched session again
 *   (anyone's), so those driven there match it;
 * - `PATCH /circuits/{slug}` `{name?, corners?: [{number, name}], start_line_from?}`
 *   → renames an added circuit or its corners, or moves its start/finish to
 *   the first lap marker of one of the driver's sessions there (only the
 *   driver who added it), then analyses the sessions there again;
 * - `DELETE /circuits/{slug}` → removes an added circuit (only the driver who
 *   added it); its sessions are analysed again and become unmatched.
 *
 * Answers that analyse sessions again list the caller's own ones in
 * `reanalysed`.
 *
 * @module
 */

import {
  type AnyAppRoute,
  type AppServices,
  bodyObject,
  CornersKey,
  defineAppRoute,
  DistanceLapsKey,
  integerField,
  LapsKey,
  positionAt,
  RouteError,
  SessionKey,
  sessionOwnedBy,
  signedInUser,
  stringField,
} from "../../sdk/mod.ts";
import {
  type AddedCircuit,
  addedCircuit,
  addedCircuits,
  deleteCircuit,
  saveCircuit,
} from "./added_circuits.ts";
import {
  buildCircuit,
  type CircuitFile,
  circuitSlug,
  CircuitSourceError,
  validCircuit,
  withStartAt,
} from "./circuit_builder.ts";
import { builtInCatalog } from "./circuits.ts";

/** Longest circuit or corner name, characters. */
export const MAX_CIRCUIT_NAME = 80;

const SLUG = { slug: { type: "string", description: "A circuit's id", required: true } } as const;

/** A circuit as the routes return it. */
function circuitJson(
  track: Pick<CircuitFile, "slug" | "name" | "length_m" | "line_source"> & {
    corners: readonly { number: number; name: string; direction: string | null }[];
  },
  added: AddedCircuit | undefined,
  userId: string | null,
) {
  return {
    slug: track.slug,
    name: track.name,
    lengthM: track.length_m,
    lineSource: track.line_source,
    corners: track.corners.map((c) => ({ number: c.number, name: c.name, direction: c.direction })),
    added: added !== undefined,
    addedByYou: added !== undefined && added.addedBy === userId,
    addedAt: added ? new Date(added.addedAt).toISOString() : null,
  };
}

/** An added circuit the caller may change; a 404 when there is none, a 403 when it is built-in or another driver's. */
async function ownAddedCircuit(services: AppServices, userId: string, slug: string): Promise<AddedCircuit> {
  const added = await addedCircuit(services.store, slug);
  if (added?.addedBy === userId) return added;
  if (added) {
    throw new RouteError(
      403,
      "not_yours",
      `circuit ${slug} was added by another driver; only they can change it`,
    );
  }
  if ((await builtInCatalog()).tracks.some((t) => t.slug === slug)) {
    throw new RouteError(
      403,
      "built_in",
      `${slug} is a built-in circuit: change it in plugins/tracks/circuits/${slug}.json`,
    );
  }
  throw new RouteError(404, "circuit_not_found", `there is no circuit ${slug}`);
}

/** Queues the analysis of `sessions` again; the ids of the caller's own ones. */
async function reanalyseAll(
  services: AppServices,
  userId: string,
  sessions: readonly { id: string; userId: string }[],
): Promise<string[]> {
  await services.reanalyse(sessions.map((s) => s.id));
  return sessions.filter((s) => s.userId === userId).map((s) => s.id);
}

/** The `corners` field of a PATCH applied to `file`'s corners; a 400 naming the entry otherwise. */
function renamedCorners(file: CircuitFile, raw: unknown): CircuitFile["corners"] {
  if (!Array.isArray(raw)) {
    throw new RouteError(400, "invalid_field", '"corners" must be a list of {number, name}');
  }
  const names = new Map<number, string>();
  raw.forEach((entry, i) => {
    const fields = bodyObject(entry);
    const number = integerField(fields, "number", 1, 1000);
    if (!file.corners.some((c) => c.number === number)) {
      throw new RouteError(400, "invalid_field", `corners[${i}]: ${file.name} has no corner ${number}`);
    }
    names.set(number, stringField(fields, "name", { maxLength: MAX_CIRCUIT_NAME }));
  });
  return file.corners.map((c) => ({ ...c, name: names.get(c.number) ?? c.name }));
}

/**
 * `file` with its start/finish moved to where one of the driver's sessions
 * at that circuit has its first lap marker; a 400 saying why otherwise.
 */
async function startLineFrom(
  services: AppServices,
  userId: string,
  file: CircuitFile,
  sessionId: string,
): Promise<CircuitFile> {
  const session = await sessionOwnedBy(services, userId, sessionId);
  if (session.trackSlug !== file.slug) {
    throw new RouteError(400, "invalid_field", `session ${sessionId} is not matched to ${file.name}`);
  }
  const parsed = await services.artifacts(session.id).get(SessionKey);
  const marker = parsed?.lapMarkers[0];
  const at = parsed && marker && positionAt(parsed, marker.timeS);
  if (!at) {
    throw new RouteError(400, "invalid_field", `session ${sessionId} has no lap marker with a GPS position`);
  }
  return withStartAt(file, at.latDeg, at.lonDeg);
}

/** Every route of the plugin. */
export const circuitRoutes: AnyAppRoute[] = [
  defineAppRoute({
    method: "GET",
    path: "/circuits",
    description: "Every circuit the workbench knows, built-in and added by drivers, by name",
    async handler({ user, services }) {
      const added = await addedCircuits(services.store);
      const builtInJson = (await builtInCatalog()).tracks.map((t) =>
        circuitJson(
          { slug: t.slug, name: t.name, length_m: t.lengthM, line_source: t.lineSource, corners: t.corners },
          undefined,
          user?.id ?? null,
        )
      );
      const addedJson = added.map((c) => circuitJson(c.file, c, user?.id ?? null));
      return [...builtInJson, ...addedJson].sort((a, b) => a.name.localeCompare(b.name));
    },
  }),
  defineAppRoute({
    method: "POST",
    path: "/circuits",
    description:
      `Adds the circuit of one of your sessions that no circuit matched {session_id, name (at most ${MAX_CIRCUIT_NAME} characters)}; every unmatched session is analysed again`,
    async handler({ user, body, services }) {
      const me = signedInUser(user, "add a circuit");
      const fields = bodyObject(body);
      const session = await sessionOwnedBy(services, me.id, stringField(fields, "session_id"));
      const name = stringField(fields, "name", { maxLength: MAX_CIRCUIT_NAME });
      if (session.status !== "done") {
        throw new RouteError(
          409,
          "not_analysed",
          `session ${session.id} is not analysed yet; try again when it is`,
        );
      }
      if (session.trackSlug !== null) {
        throw new RouteError(
          409,
          "circuit_known",
          `this session is already matched to ${session.trackName ?? session.trackSlug}`,
        );
      }
      const slug = circuitSlug(name);
      if (slug === "") {
        throw new RouteError(400, "invalid_field", '"name" needs at least one letter or digit');
      }
      const taken = (await builtInCatalog()).tracks.find((t) => t.slug === slug)?.name ??
        (await addedCircuit(services.store, slug))?.file.name;
      if (taken) {
        throw new RouteError(
          409,
          "circuit_exists",
          `"${taken}" already has the id ${slug}; choose another name`,
        );
      }
      const artifacts = services.artifacts(session.id);
      const [laps, distanceLaps, corners] = await Promise.all([
        artifacts.get(LapsKey),
        artifacts.get(DistanceLapsKey),
        artifacts.get(CornersKey),
      ]);
      if (!laps?.length || !distanceLaps) {
        throw new RouteError(
          422,
          "no_laps",
          "the session has no complete lap to draw the circuit from",
        );
      }
      let file: CircuitFile;
      try {
        file = buildCircuit(name, slug, { laps, distanceLaps, corners: corners ?? [] });
      } catch (error) {
        if (error instanceof CircuitSourceError) throw new RouteError(422, "no_laps", error.message);
        throw error;
      }
      await saveCircuit(services.store, { file, addedBy: me.id });
      const saved = (await addedCircuit(services.store, slug))!;
      const reanalysed = await reanalyseAll(services, me.id, await services.sessionsAtTrack(null));
      return { circuit: circuitJson(file, saved, me.id), reanalysed };
    },
  }),
  defineAppRoute({
    method: "PATCH",
    path: "/circuits/{slug}",
    description:
      "Renames a circuit you added or its corners {name?, corners?: [{number, name}]}, or moves its start/finish to where one of your sessions there has its first lap marker {start_line_from: session_id}; its sessions are analysed again",
    params: SLUG,
    async handler({ user, params, body, services }) {
      const me = signedInUser(user, "change a circuit");
      const added = await ownAddedCircuit(services, me.id, params.slug);
      const fields = bodyObject(body);
      const moved = fields.start_line_from === undefined
        ? added.file
        : await startLineFrom(services, me.id, added.file, stringField(fields, "start_line_from"));
      const file: CircuitFile = {
        ...moved,
        name: fields.name === undefined
          ? moved.name
          : stringField(fields, "name", { maxLength: MAX_CIRCUIT_NAME }),
        corners: fields.corners === undefined ? moved.corners : renamedCorners(moved, fields.corners),
      };
      await saveCircuit(services.store, { ...added, file: validCircuit(file) });
      const reanalysed = await reanalyseAll(services, me.id, await services.sessionsAtTrack(file.slug));
      return { circuit: circuitJson(file, added, me.id), reanalysed };
    },
  }),
  defineAppRoute({
    method: "DELETE",
    path: "/circuits/{slug}",
    description: "Removes a circuit you added; its sessions are analysed again and become unmatched",
    params: SLUG,
    async handler({ user, params, services }) {
      const me = signedInUser(user, "remove a circuit");
      await ownAddedCircuit(services, me.id, params.slug);
      const sessions = await services.sessionsAtTrack(params.slug);
      await deleteCircuit(services.store, params.slug);
      return { deleted: params.slug, reanalysed: await reanalyseAll(services, me.id, sessions) };
    },
  }),
];
