/**
 * Notes: the driver's own reminders on their sessions — about the whole
 * session, a lap or a corner — shown in a Notes card on the dashboard and
 * in Deep Dive. A note can be for every one of the driver's sessions at the
 * circuit ("T5: brake at the 2 board"): it follows the circuit's official
 * corner labels, so it shows at that corner in every later session there.
 * At most 500 notes per driver, each up to 2000 characters; nobody else can
 * read them (other drivers' sessions and notes answer 404).
 *
 * Better than the original: its notes hung on one session's corner number
 * (or on nothing); here a circuit note finds the corner again in sessions
 * whose own numbering differs, and the Deep Dive card marks the notes of
 * the focused corner. Deleting a session deletes its own notes; the notes
 * for its circuit stay.
 *
 * @module
 */

import { CornersKey, definePlugin } from "../../sdk/mod.ts";
import { deleteSessionNotes } from "./notes_store.ts";
import { notesRoutes } from "./routes.ts";

export default definePlugin({
  id: "notes",
  version: "1.0.0",
  sdk: "^1.1",
  description: "The driver's notes on sessions, laps and corners, and for every session at a circuit.",
  appRoutes: notesRoutes,
  onSessionDeleted: async ({ session, services }) =>
    void await deleteSessionNotes(services.store, session.id),
  views: [
    {
      kind: "panel",
      id: "driver-notes",
      title: "Notes",
      description: "Your notes on this session, its laps and corners, and for every session at this circuit.",
      in: ["dashboard", "deep-dive"],
      order: 90,
      size: "half",
      needs: [CornersKey],
      module: "./notes_panel.ts",
    },
  ],
});
