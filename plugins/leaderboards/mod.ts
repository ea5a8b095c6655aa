/**
 * The `leaderboards` plugin: per circuit, a lap-time board and per corner a
 * minimum-speed board and a corner-time board with its "king of the
 * corner", filtered by car class (tyres, power to weight: `classes.ts`).
 *
 * Rules:
 * - **Opt-in only.** A driver joins with `PUT /opt-in {opted_in: true}`
 *   (their analysed sessions are entered then, later ones after each
 *   analysis); opting out deletes every entry of theirs. A driver who has
 *   not opted in is never read, stored or shown.
 * - **Only clean laps with good GPS count** (`eligibility.ts`): analysis
 *   laps tagged `clean` alone, in a session of GPS grade C or better, not
 *   overlapping a poor-GPS stretch.
 * - **The same corner for everyone**: corners are keyed by the circuit's
 *   official turns (`T5`, `T2-4`), and corner time is measured over a
 *   window the circuit defines (`corner_window.ts`).
 * - **Ranking** (`ranking.ts`): one row per driver, their best; ties go to
 *   whoever drove the lap first.
 * - **Always current**: an entry per session, replaced on re-analysis;
 *   entries of deleted sessions, and classes of re-assigned equipment, are
 *   settled when a board is read (`live_entries.ts`).
 *
 * Better than the original, whose corner records were never written (the
 * boards stayed empty), matched circuits by their name, had no classes, no
 * lap-validity or GPS gate, and had dropped the opt-in.
 *
 * @module
 */

import { definePlugin } from "../../sdk/mod.ts";
import { updateLeaderboards } from "./hook.ts";
import { dropEntry } from "./records.ts";
import { boardsRoute, getOptInRoute, kingsRoute, putOptInRoute, tracksRoute } from "./routes.ts";

export default definePlugin({
  id: "leaderboards",
  version: "1.0.0",
  sdk: "^1.1",
  description:
    "Opt-in leaderboards per circuit: lap time, corner minimum speed and corner time with kings, by car class.",
  appRoutes: [getOptInRoute, putOptInRoute, tracksRoute, boardsRoute, kingsRoute],
  onAnalysis: updateLeaderboards,
  onSessionDeleted: ({ session, services }) => dropEntry(services.store, session.id),
  views: [{
    kind: "view",
    id: "leaderboards",
    title: "Leaderboards",
    description: "Clean laps of opted-in drivers per circuit and corner, by car class",
    order: 20,
    needs: [],
    scope: "app",
    module: "./page.ts",
  }],
});
