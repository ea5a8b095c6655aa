/**
 * The circuits an event can be held at, for the event form: those of the
 * caller's own analysed sessions (slug and name), so an owner picks a
 * circuit by name instead of typing its slug. Only the caller's sessions
 * are read.
 *
 * @module
 */

import { defineAppRoute, signedInUser } from "../../sdk/mod.ts";

/** `GET /circuits`: the circuits of the caller's sessions, by name. */
export const circuitsRoute = defineAppRoute({
  method: "GET",
  path: "/circuits",
  description: "The circuits of the caller's own sessions (slug and name), to pick an event's circuit.",
  async handler({ user, services }) {
    const me = signedInUser(user, "see your circuits");
    const names = new Map<string, string>();
    for (const session of await services.sessionsOf(me.id)) {
      const slug = session.trackSlug;
      if (slug !== null && (session.trackName !== null || !names.has(slug))) {
        names.set(slug, session.trackName ?? slug);
      }
    }
    const circuits = [...names].map(([slug, name]) => ({ slug, name }));
    return { circuits: circuits.sort((a, b) => a.name.localeCompare(b.name)) };
  },
});
