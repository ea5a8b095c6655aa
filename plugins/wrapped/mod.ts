/**
 * The `wrapped` plugin: the signed-in driver's year in review (sessions,
 * laps, distance, hours, circuits, the biggest improvement, the most
 * consistent corner, the biggest corner-speed gain and a few fun facts;
 * definitions in `year_summary.ts`) and a page with plots of it. The page
 * is in the top bar all year and highlighted in December, when it opens on
 * the year that is ending; from January to November it opens on the year
 * before (or this year, when last year has no session).
 *
 * Better than the original, whose Wrapped summed every user's sessions:
 * only the caller's own sessions count, read from their stored analysis.
 *
 * @module
 */

import { definePlugin } from "../../sdk/mod.ts";
import { wrappedRoute } from "./routes.ts";

export default definePlugin({
  id: "wrapped",
  version: "1.0.0",
  sdk: "^1.0",
  description: "Your year on track: sessions, laps, distance, circuits, biggest improvement, best corner.",
  appRoutes: [wrappedRoute],
  views: [{
    kind: "view",
    id: "wrapped",
    title: "Wrapped",
    description: "Your year on track in review",
    order: 30,
    needs: [],
    scope: "app",
    featured: [12],
    module: "./page.ts",
  }],
});
